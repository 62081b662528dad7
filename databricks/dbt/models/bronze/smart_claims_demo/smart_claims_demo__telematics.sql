-- Demo layout: raw_telematics, every point of every vehicle. The layout's `telematics` table (and
-- claim_policy_telematics built on it) keeps only each vehicle's lifetime average speed and position, so the
-- speed near an incident cannot come from it.
{{ config(materialized='view') }}
SELECT
  CAST(chassis_no AS STRING) AS chassis_no,
  CAST(event_timestamp AS STRING) AS event_timestamp_text,
  CAST(latitude AS STRING) AS latitude_text,
  CAST(longitude AS STRING) AS longitude_text,
  CAST(speed AS STRING) AS speed_text
FROM {{ source('smart_claims_demo', 'raw_telematics') }}
