-- One row per usable claim: claim, policy, driver, vehicle, location, damage score and class, telematics near the
-- incident, a check_<rule> column per active rule (true, false, or NULL for unknown), and the next best action:
-- release funds only when every check passed, otherwise investigate.
{{ config(materialized='table', liquid_clustered_by=['incident_date', 'claim_no']) }}
WITH checks AS (
  SELECT
    claim_no,
    {{ claim_rule_pivot() }}
    count_if(passed) AS checks_passed,
    count_if(NOT passed) AS checks_failed,
    count_if(passed IS NULL) AS checks_unknown
  FROM {{ ref('claim_rule_results') }}
  GROUP BY claim_no
)
SELECT
  f.claim_no, f.policy_no, f.policy_no_raw, f.renewal_no, f.claim_date, f.incident_date, f.incident_hour,
  f.incident_type, f.incident_severity, f.collision_type, f.vehicles_involved, f.months_as_customer,
  f.number_of_witnesses, f.suspicious_activity, f.amount_total, f.amount_injury, f.amount_property, f.amount_vehicle,
  f.lae, f.driver_age, f.driver_insured_relationship, f.driver_license_issue_date, f.driver_data_issue, f.cust_id,
  f.policy_type, f.pol_issue_date, f.pol_eff_date, f.pol_expiry_date, f.term_days, f.sum_insured, f.premium,
  f.deductable, f.product, f.make, f.model, f.model_year, f.body, f.chassis_no, f.use_of_vehicle, f.drv_dob,
  f.borough, f.neighborhood, f.zip_code, f.policy_latitude, f.policy_longitude, f.image_name, f.damage_score,
  f.assessed_severity, f.points_in_incident_hour, f.speed_near_incident, f.incident_latitude, f.incident_longitude,
  f.last_point_ts, f.telematics_window_start, f.telematics_window_end,
  {{ claim_rule_check_columns('c') }}
  coalesce(c.checks_passed, 0) AS checks_passed,
  coalesce(c.checks_failed, 0) AS checks_failed,
  coalesce(c.checks_unknown, 0) AS checks_unknown,
  CASE WHEN coalesce(c.checks_failed, 0) = 0 AND coalesce(c.checks_unknown, 0) = 0 THEN 'release funds' ELSE 'investigate' END
    AS next_best_action
FROM {{ ref('int_claim_facts') }} f
LEFT JOIN checks c ON c.claim_no = f.claim_no
