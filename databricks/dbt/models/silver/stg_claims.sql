-- Usable claims: every expectation of stg_claims_checked met.
{{ config(materialized='table') }}
SELECT
  claim_no, policy_no, policy_no_raw, renewal_no, claim_date, incident_date, incident_hour, incident_type,
  incident_severity, collision_type, vehicles_involved, months_as_customer, number_of_witnesses, suspicious_activity,
  amount_total, amount_injury, amount_property, amount_vehicle, lae, driver_age, driver_insured_relationship,
  driver_license_issue_date, driver_data_issue
FROM {{ ref('stg_claims_checked') }}
WHERE size(failed_expectations) = 0
