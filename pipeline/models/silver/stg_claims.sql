-- Claims flattened and typed. Only unusable rows are quarantined: no claim number, an unknown policy,
-- a non-positive total, an unreadable incident or claim date. Bad driver fields are nulled and flagged,
-- never a reason to drop the money. A policy number's "/N" suffix is a renewal of the same policy.
-- materialized: table
-- key: claim_no
-- order_by: claim_no
-- expect claim_no_present: claim_no IS NOT NULL
-- expect policy_exists: policy_no IN (SELECT policy_no FROM {{ ref('stg_policies') }})
-- expect total_positive: amount_total > 0
-- expect dates_readable: incident_date IS NOT NULL AND claim_date IS NOT NULL
WITH src AS (
  SELECT
    nullif(trim({{ json_text('record', '$.claim_no') }}), '') AS claim_no,
    trim({{ json_text('record', '$.policy_no') }}) AS policy_no_raw,
    trim({{ json_text('record', '$.claim_date') }}) AS claim_date_text,
    trim({{ json_text('record', '$.incident.date') }}) AS incident_date_text,
    {{ json_text('record', '$.incident.hour') }} AS incident_hour_text,
    trim({{ json_text('record', '$.incident.type') }}) AS incident_type,
    trim({{ json_text('record', '$.incident.severity') }}) AS incident_severity,
    nullif(trim({{ json_text('record', '$.collision.type') }}), '') AS collision_type,
    {{ json_text('record', '$.collision.number_of_vehicles_involved') }} AS vehicles_involved_text,
    {{ json_text('record', '$.months_as_customer') }} AS months_as_customer_text,
    {{ json_text('record', '$.number_of_witnesses') }} AS number_of_witnesses_text,
    {{ json_text('record', '$.suspicious_activity') }} AS suspicious_activity_text,
    {{ json_text('record', '$.claim_amount.total') }} AS amount_total_text,
    {{ json_text('record', '$.claim_amount.injury') }} AS amount_injury_text,
    {{ json_text('record', '$.claim_amount.property') }} AS amount_property_text,
    {{ json_text('record', '$.claim_amount.vehicle') }} AS amount_vehicle_text,
    {{ json_text('record', '$.loss_adjustment_expense') }} AS lae_text,
    {{ json_text('record', '$.driver.age') }} AS driver_age_text,
    trim({{ json_text('record', '$.driver.insured_relationship') }}) AS driver_insured_relationship,
    trim({{ json_text('record', '$.driver.license_issue_date') }}) AS license_issue_date_text
  FROM {{ ref('smart_claims__claims') }}
), typed AS (
  SELECT
    src.*,
    nullif(split_part(policy_no_raw, '/', 1), '') AS policy_no,
    try_cast(nullif(split_part(policy_no_raw, '/', 2), '') AS INTEGER) AS renewal_no,
    {{ parse_date('claim_date_text', 'yyyy-MM-dd') }} AS claim_date,
    {{ parse_date('incident_date_text', 'yyyy-MM-dd') }} AS incident_date,
    try_cast(incident_hour_text AS INTEGER) AS incident_hour_raw,
    try_cast(driver_age_text AS INTEGER) AS driver_age_raw,
    {{ parse_date('license_issue_date_text', 'dd-MM-yyyy') }} AS license_issue_date_raw
  FROM src
)
SELECT
  claim_no, policy_no, policy_no_raw, renewal_no, claim_date, incident_date,
  CASE WHEN incident_hour_raw BETWEEN 0 AND 23 THEN incident_hour_raw END AS incident_hour,
  incident_type, incident_severity, collision_type,
  try_cast(vehicles_involved_text AS INTEGER) AS vehicles_involved,
  try_cast(months_as_customer_text AS INTEGER) AS months_as_customer,
  try_cast(number_of_witnesses_text AS INTEGER) AS number_of_witnesses,
  coalesce(try_cast(suspicious_activity_text AS BOOLEAN), false) AS suspicious_activity,
  try_cast(amount_total_text AS DOUBLE) AS amount_total,
  coalesce(try_cast(amount_injury_text AS DOUBLE), 0) AS amount_injury,
  coalesce(try_cast(amount_property_text AS DOUBLE), 0) AS amount_property,
  coalesce(try_cast(amount_vehicle_text AS DOUBLE), 0) AS amount_vehicle,
  -- An absent loss adjustment expense means none was incurred.
  coalesce(try_cast(lae_text AS DOUBLE), 0) AS lae,
  CASE WHEN driver_age_raw BETWEEN 16 AND 110 THEN driver_age_raw END AS driver_age,
  driver_insured_relationship,
  CASE WHEN license_issue_date_raw > DATE '1901-01-01' THEN license_issue_date_raw END AS driver_license_issue_date,
  nullif(concat_ws(', ',
    CASE WHEN driver_age_raw IS NULL OR driver_age_raw NOT BETWEEN 16 AND 110 THEN 'driver age missing or invalid' END,
    CASE WHEN license_issue_date_raw IS NULL OR license_issue_date_raw <= DATE '1901-01-01' THEN 'licence date missing or invalid' END
  ), '') AS driver_data_issue
FROM typed
