-- Every telematics point, clustered by vehicle and time so one vehicle's trip is a narrow range scan.
{{ config(materialized='table', liquid_clustered_by=['chassis_no', 'event_ts']) }}
SELECT chassis_no, event_ts, latitude, longitude, speed
FROM {{ ref('stg_telematics') }}
