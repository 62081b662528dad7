-- Every claim typed, with the expectations it fails. Only unusable rows fail: no claim number, an unknown policy,
-- a non-positive total, an unreadable incident or claim date. Bad driver fields (age 0, licence 01-01-1900) are
-- nulled and described in driver_data_issue, never a reason to drop the money. A policy number's "/N" suffix is a
-- renewal of the same policy.
{{ config(materialized='table') }}
WITH src AS (
  SELECT
    nullif(trim(claim_no), '') AS claim_no,
    trim(policy_no_raw) AS policy_no_raw,
    {{ parse_date_any('trim(claim_date_text)') }} AS claim_date,
    {{ parse_date_any('trim(incident_date_text)') }} AS incident_date,
    {{ to_int('incident_hour_text') }} AS incident_hour_raw,
    trim(incident_type) AS incident_type,
    trim(incident_severity) AS incident_severity,
    nullif(trim(collision_type), '') AS collision_type,
    {{ to_int('vehicles_involved_text') }} AS vehicles_involved,
    {{ to_int('months_as_customer_text') }} AS months_as_customer,
    {{ to_int('number_of_witnesses_text') }} AS number_of_witnesses,
    coalesce(try_cast(lower(trim(suspicious_activity_text)) AS BOOLEAN), false) AS suspicious_activity,
    try_cast(amount_total_text AS DOUBLE) AS amount_total,
    coalesce(try_cast(amount_injury_text AS DOUBLE), 0) AS amount_injury,
    coalesce(try_cast(amount_property_text AS DOUBLE), 0) AS amount_property,
    coalesce(try_cast(amount_vehicle_text AS DOUBLE), 0) AS amount_vehicle,
    -- An absent loss adjustment expense (the accelerator has none) means none was incurred.
    coalesce(try_cast(lae_text AS DOUBLE), 0) AS lae,
    {{ to_int('driver_age_text') }} AS driver_age_raw,
    trim(driver_insured_relationship) AS driver_insured_relationship,
    {{ parse_date_any('trim(license_issue_date_text)') }} AS license_issue_date_raw
  FROM {{ smart_claims_adapter('claims') }}
), parsed AS (
  SELECT src.*, nullif(split_part(policy_no_raw, '/', 1), '') AS policy_no
  FROM src
), typed AS (
  SELECT
    claim_no,
    parsed.policy_no,
    policy_no_raw,
    try_cast(nullif(split_part(policy_no_raw, '/', 2), '') AS INT) AS renewal_no,
    claim_date,
    incident_date,
    CASE WHEN incident_hour_raw BETWEEN 0 AND 23 THEN incident_hour_raw END AS incident_hour,
    incident_type, incident_severity, collision_type, vehicles_involved, months_as_customer, number_of_witnesses,
    suspicious_activity, amount_total, amount_injury, amount_property, amount_vehicle, lae,
    CASE WHEN driver_age_raw BETWEEN 16 AND 110 THEN driver_age_raw END AS driver_age,
    driver_insured_relationship,
    CASE WHEN license_issue_date_raw > DATE '1901-01-01' THEN license_issue_date_raw END AS driver_license_issue_date,
    nullif(concat_ws(', ',
      CASE WHEN driver_age_raw IS NULL OR driver_age_raw NOT BETWEEN 16 AND 110 THEN 'driver age missing or invalid' END,
      CASE WHEN license_issue_date_raw IS NULL OR license_issue_date_raw <= DATE '1901-01-01' THEN 'licence date missing or invalid' END
    ), '') AS driver_data_issue,
    -- Spark allows no IN (subquery) in a select list, so policy existence is a join.
    known.policy_no IS NOT NULL AS policy_known
  FROM parsed
  LEFT JOIN (SELECT DISTINCT policy_no FROM {{ ref('stg_policies') }}) known ON known.policy_no = parsed.policy_no
)
SELECT
  typed.*,
  {{ failed_expectations([
    ('claim_no_present', 'claim_no IS NOT NULL'),
    ('policy_exists', 'policy_known'),
    ('total_positive', 'amount_total > 0'),
    ('dates_readable', 'incident_date IS NOT NULL AND claim_date IS NOT NULL'),
  ]) }} AS failed_expectations
FROM typed
