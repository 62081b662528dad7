-- Damage photos with the damage model's score and the severity class that score falls in.
-- A photo scored twice keeps its highest score.
-- materialized: table
WITH scores AS (
  SELECT trim(image_name) AS image_name, max(try_cast(severity AS DOUBLE)) AS damage_score
  FROM {{ ref('smart_claims__damage_scores') }}
  GROUP BY trim(image_name)
), classes AS (
  SELECT severity, CAST(severity_rank AS INTEGER) AS severity_rank, CAST(min_score AS DOUBLE) AS min_score, CAST(max_score AS DOUBLE) AS max_score
  FROM {{ ref('seed_damage_severity_classes') }}
)
SELECT
  trim(m.image_name) AS image_name,
  try_cast(m.image_id AS BIGINT) AS image_id,
  nullif(trim(m.claim_no), '') AS claim_no,
  {{ clean_code('m.chassis_no') }} AS chassis_no,
  s.damage_score,
  c.severity AS assessed_severity
FROM {{ ref('smart_claims__image_metadata') }} m
LEFT JOIN scores s ON s.image_name = trim(m.image_name)
LEFT JOIN classes c ON s.damage_score >= c.min_score AND s.damage_score < c.max_score
