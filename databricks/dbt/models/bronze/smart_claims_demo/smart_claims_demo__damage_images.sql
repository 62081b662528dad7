-- Demo layout: accident_images, the photos joined to their metadata with the damage model's prediction, a struct
-- of the most likely label (ok, minor, major) and its probability. The label becomes a score through the
-- seed seed_damage_labels; the probability is not a severity and is not used.
{{ config(materialized='view') }}
{%- set images = source('smart_claims_demo', 'accident_images') %}
SELECT
  CAST(image_name AS STRING) AS image_name,
  CAST({{ column_or(images, 'image_id') }} AS STRING) AS image_id_text,
  CAST(claim_no AS STRING) AS claim_no,
  CAST(chassis_no AS STRING) AS chassis_no,
  CAST(NULL AS STRING) AS damage_score_text,
  lower(trim(CAST(damage_prediction.label AS STRING))) AS damage_label
FROM {{ images }}
