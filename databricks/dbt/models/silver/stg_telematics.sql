-- Usable telematics points, clustered by vehicle and time so one vehicle's incident window is a narrow scan.
{{ config(materialized='table', liquid_clustered_by=['chassis_no', 'event_ts']) }}
SELECT chassis_no, event_ts, latitude, longitude, speed
FROM {{ ref('stg_telematics_checked') }}
WHERE size(failed_expectations) = 0
