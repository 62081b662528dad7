-- One row per usable claim with its policy, vehicle, first damage photo and telematics summary: everything a claim
-- rule's expression may refer to.
{{ config(materialized='table') }}
WITH first_image AS (
  SELECT claim_no, image_name, damage_score, assessed_severity,
    row_number() OVER (PARTITION BY claim_no ORDER BY image_id, image_name) AS rn
  FROM {{ ref('stg_damage_images') }}
  WHERE claim_no IS NOT NULL
)
SELECT
  c.claim_no, c.policy_no, c.policy_no_raw, c.renewal_no, c.claim_date, c.incident_date, c.incident_hour,
  c.incident_type, c.incident_severity, c.collision_type, c.vehicles_involved, c.months_as_customer,
  c.number_of_witnesses, c.suspicious_activity, c.amount_total, c.amount_injury, c.amount_property, c.amount_vehicle,
  c.lae, c.driver_age, c.driver_insured_relationship, c.driver_license_issue_date, c.driver_data_issue,
  p.cust_id, p.policy_type, p.pol_issue_date, p.pol_eff_date, p.pol_expiry_date, p.term_days,
  p.sum_insured, p.premium, p.deductable, p.product,
  p.make, p.model, p.model_year, p.body, p.chassis_no, p.use_of_vehicle, p.drv_dob,
  p.borough, p.neighborhood, p.zip_code, p.latitude AS policy_latitude, p.longitude AS policy_longitude,
  i.image_name, i.damage_score, i.assessed_severity,
  coalesce(t.points_in_incident_hour, 0) AS points_in_incident_hour,
  t.speed_near_incident, t.incident_latitude, t.incident_longitude, t.last_point_ts,
  -- The trip window the case page draws: the incident hour with an hour either side.
  {{ add_hours('CAST(c.incident_date AS TIMESTAMP)', 'c.incident_hour - 1') }} AS telematics_window_start,
  {{ add_hours('CAST(c.incident_date AS TIMESTAMP)', 'c.incident_hour + 2') }} AS telematics_window_end
FROM {{ ref('stg_claims') }} c
JOIN {{ ref('stg_policies') }} p ON p.policy_no = c.policy_no
LEFT JOIN first_image i ON i.claim_no = c.claim_no AND i.rn = 1
LEFT JOIN {{ ref('int_claim_telematics') }} t ON t.claim_no = c.claim_no
