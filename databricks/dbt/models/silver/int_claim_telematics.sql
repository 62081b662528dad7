-- The vehicle's telematics near the incident, not its lifetime average (the accelerator's speed rule reads the
-- average). The claim records only the incident's hour, so the window is that hour; "near the incident" is the last
-- five minutes of the vehicle's track in it, which for a trip ending in a crash is the approach.
{{ config(materialized='table') }}
WITH windows AS (
  SELECT
    c.claim_no,
    p.chassis_no,
    {{ add_hours('CAST(c.incident_date AS TIMESTAMP)', 'c.incident_hour') }} AS window_start,
    {{ add_hours('CAST(c.incident_date AS TIMESTAMP)', 'c.incident_hour + 1') }} AS window_end
  FROM {{ ref('stg_claims') }} c
  JOIN {{ ref('stg_policies') }} p ON p.policy_no = c.policy_no
  WHERE c.incident_hour IS NOT NULL AND p.chassis_no IS NOT NULL
), in_window AS (
  SELECT w.claim_no, t.event_ts, t.speed, t.latitude, t.longitude,
    max(t.event_ts) OVER (PARTITION BY w.claim_no) AS last_ts
  FROM windows w
  JOIN {{ ref('stg_telematics') }} t
    ON t.chassis_no = w.chassis_no AND t.event_ts >= w.window_start AND t.event_ts < w.window_end
)
SELECT
  claim_no,
  count(*) AS points_in_incident_hour,
  max(speed) FILTER (WHERE event_ts >= last_ts - INTERVAL 5 MINUTES) AS speed_near_incident,
  max_by(latitude, event_ts) AS incident_latitude,
  max_by(longitude, event_ts) AS incident_longitude,
  max(event_ts) AS last_point_ts
FROM in_window
GROUP BY claim_no
