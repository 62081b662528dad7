-- Incurred losses per incident day, hour and Loss Summary dimension, so any period's losses are a sum.
-- Property = property + vehicle amounts; liability = injury amounts; LAE kept apart.
{{ config(materialized='table', liquid_clustered_by=['day']) }}
SELECT
  incident_date AS day,
  policy_type,
  coalesce(borough, 'UNKNOWN') AS borough,
  coalesce(make, 'UNKNOWN') AS make,
  incident_type,
  incident_severity,
  incident_hour,
  count(*) AS claim_count,
  sum(amount_total) AS claim_amount,
  sum(amount_property + amount_vehicle) AS property_amount,
  sum(amount_injury) AS liability_amount,
  sum(lae) AS lae
FROM {{ ref('claims') }}
GROUP BY incident_date, policy_type, coalesce(borough, 'UNKNOWN'), coalesce(make, 'UNKNOWN'), incident_type,
  incident_severity, incident_hour
