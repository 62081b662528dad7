-- Every telematics point, ordered by vehicle and time so one vehicle's trip is a narrow range scan.
-- materialized: table
-- order_by: chassis_no, event_ts
SELECT chassis_no, event_ts, latitude, longitude, speed
FROM {{ ref('stg_telematics') }}
