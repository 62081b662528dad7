-- Telematics points with the chassis number cleaned (exports pad it or add junk) so it joins to the policy.
-- materialized: table
-- expect timestamp_readable: event_ts IS NOT NULL
-- expect position_present: latitude IS NOT NULL AND longitude IS NOT NULL AND chassis_no IS NOT NULL
SELECT
  {{ clean_code('chassis_no') }} AS chassis_no,
  {{ parse_timestamp('CAST(event_timestamp AS STRING)', 'yyyy-MM-dd HH:mm:ss') }} AS event_ts,
  try_cast(latitude AS DOUBLE) AS latitude,
  try_cast(longitude AS DOUBLE) AS longitude,
  try_cast(speed AS DOUBLE) AS speed
FROM {{ ref('smart_claims__telematics') }}
