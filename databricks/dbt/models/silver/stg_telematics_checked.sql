-- Every telematics point typed, the chassis number cleaned (exports pad it or add junk) so it joins to the
-- policy, with the expectations it fails.
{{ config(materialized='table') }}
WITH typed AS (
  SELECT
    {{ clean_code('chassis_no') }} AS chassis_no,
    {{ parse_timestamp_any('trim(event_timestamp_text)') }} AS event_ts,
    try_cast(latitude_text AS DOUBLE) AS latitude,
    try_cast(longitude_text AS DOUBLE) AS longitude,
    try_cast(speed_text AS DOUBLE) AS speed
  FROM {{ smart_claims_adapter('telematics') }}
)
SELECT
  typed.*,
  {{ failed_expectations([
    ('timestamp_readable', 'event_ts IS NOT NULL'),
    ('position_present', 'latitude IS NOT NULL AND longitude IS NOT NULL AND chassis_no IS NOT NULL'),
  ]) }} AS failed_expectations
FROM typed
