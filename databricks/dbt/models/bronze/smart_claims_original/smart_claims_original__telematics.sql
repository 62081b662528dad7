-- Original layout: silver_telematics, every point of every vehicle. (silver_claim_policy_telematics_avg, which the
-- accelerator's speed rule reads, averages a vehicle's whole life; it is not used.)
{{ config(materialized='view') }}
SELECT
  CAST(chassis_no AS STRING) AS chassis_no,
  CAST(event_timestamp AS STRING) AS event_timestamp_text,
  CAST(latitude AS STRING) AS latitude_text,
  CAST(longitude AS STRING) AS longitude_text,
  CAST(speed AS STRING) AS speed_text
FROM {{ source('smart_claims_original', 'silver_telematics') }}
