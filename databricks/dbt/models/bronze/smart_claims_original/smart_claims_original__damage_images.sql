-- Original layout: silver_accident, the damage photo metadata with the damage model's severity score (0..1).
{{ config(materialized='view') }}
SELECT
  CAST(image_name AS STRING) AS image_name,
  CAST(image_id AS STRING) AS image_id_text,
  CAST(claim_no AS STRING) AS claim_no,
  CAST(chassis_no AS STRING) AS chassis_no,
  CAST(severity AS STRING) AS damage_score_text,
  CAST(NULL AS STRING) AS damage_label
FROM {{ source('smart_claims_original', 'silver_accident') }}
