-- One row per Marketo email open event.
{{ config(materialized='table', liquid_clustered_by=['activity_timestamp']) }}
SELECT activity_id, lead_id, campaign_id, campaign_run_id, email_id, email_send_id, activity_timestamp
FROM {{ ref('stg_marketo__activity_open_email') }}
