-- Damage photos with the damage model's score and the severity class that score falls in. A photo scored twice
-- keeps its highest score. The original layout carries the score; the demo layout a label, scored by the seed.
{{ config(materialized='table') }}
WITH images AS (
  SELECT
    trim(image_name) AS image_name,
    {{ to_int('image_id_text') }} AS image_id,
    nullif(trim(claim_no), '') AS claim_no,
    {{ clean_code('chassis_no') }} AS chassis_no,
    coalesce(try_cast(damage_score_text AS DOUBLE), try_cast(l.damage_score AS DOUBLE)) AS damage_score
  FROM {{ smart_claims_adapter('damage_images') }} a
  LEFT JOIN {{ ref('seed_damage_labels') }} l ON l.label = a.damage_label
), scored AS (
  SELECT image_name, min(image_id) AS image_id, min(claim_no) AS claim_no, min(chassis_no) AS chassis_no,
    max(damage_score) AS damage_score
  FROM images
  GROUP BY image_name
), classes AS (
  SELECT severity, CAST(min_score AS DOUBLE) AS min_score, CAST(max_score AS DOUBLE) AS max_score
  FROM {{ ref('seed_damage_severity_classes') }}
)
SELECT s.image_name, CAST(s.image_id AS BIGINT) AS image_id, s.claim_no, s.chassis_no, s.damage_score,
  c.severity AS assessed_severity
FROM scored s
LEFT JOIN classes c ON s.damage_score >= c.min_score AND s.damage_score < c.max_score
