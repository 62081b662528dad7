-- Marketo email open activities from Fivetran. email_send_id identifies one email sent to one lead in one
-- campaign run: the key that ties sends, opens and clicks together. An activity without lead or time cannot be
-- attributed to anyone or any day and is left out.
{{ config(materialized='table') }}
SELECT
  CAST(id AS BIGINT) AS activity_id,
  CAST(lead_id AS BIGINT) AS lead_id,
  CAST(activity_date AS TIMESTAMP) AS activity_timestamp,
  CAST(campaign_id AS BIGINT) AS campaign_id,
  CAST(campaign_run_id AS BIGINT) AS campaign_run_id,
  CAST(primary_attribute_value_id AS BIGINT) AS email_id,
  primary_attribute_value AS email_name,
  concat_ws(':', CAST(primary_attribute_value_id AS STRING), CAST(campaign_id AS STRING), CAST(campaign_run_id AS STRING),
    CAST(lead_id AS STRING)) AS email_send_id
FROM {{ source('marketo', 'activity_open_email') }}
WHERE lead_id IS NOT NULL AND activity_date IS NOT NULL
