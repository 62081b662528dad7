-- Demo layout: claim, the claim JSON flattened by the same rule (claim_amount_total, driver_age, ...). Every value is
-- read back as text: the accelerator leaves some columns STRING and parses others (sometimes with the wrong
-- date pattern), so silver parses all of them one way for both layouts.
{{ config(materialized='view') }}
{%- set claims = source('smart_claims_demo', 'claim') %}
SELECT
  CAST(claim_no AS STRING) AS claim_no,
  CAST(policy_no AS STRING) AS policy_no_raw,
  CAST({{ column_or(claims, ['claim_date', 'claim_datetime']) }} AS STRING) AS claim_date_text,
  CAST(incident_date AS STRING) AS incident_date_text,
  CAST(incident_hour AS STRING) AS incident_hour_text,
  CAST(incident_type AS STRING) AS incident_type,
  CAST(incident_severity AS STRING) AS incident_severity,
  CAST(collision_type AS STRING) AS collision_type,
  CAST(collision_number_of_vehicles_involved AS STRING) AS vehicles_involved_text,
  CAST(months_as_customer AS STRING) AS months_as_customer_text,
  CAST(number_of_witnesses AS STRING) AS number_of_witnesses_text,
  CAST(suspicious_activity AS STRING) AS suspicious_activity_text,
  CAST(claim_amount_total AS STRING) AS amount_total_text,
  CAST(claim_amount_injury AS STRING) AS amount_injury_text,
  CAST(claim_amount_property AS STRING) AS amount_property_text,
  CAST(claim_amount_vehicle AS STRING) AS amount_vehicle_text,
  CAST({{ column_or(claims, 'loss_adjustment_expense') }} AS STRING) AS lae_text,
  CAST(driver_age AS STRING) AS driver_age_text,
  CAST(driver_insured_relationship AS STRING) AS driver_insured_relationship,
  CAST(driver_license_issue_date AS STRING) AS license_issue_date_text
FROM {{ claims }}
