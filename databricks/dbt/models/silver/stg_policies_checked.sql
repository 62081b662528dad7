-- Every policy typed and geocoded by its zip code's centroid, with the expectations it fails. Numbers such as
-- "2018.0" arrive as text. A policy without a number or a readable term cannot carry premium: stg_policies keeps
-- the rest and silver quarantine holds these, with the rule they broke.
{{ config(materialized='table') }}
WITH src AS (
  SELECT
    nullif(trim(policy_no), '') AS policy_no,
    nullif(trim(cust_id), '') AS cust_id,
    upper(trim(policy_type)) AS policy_type,
    {{ parse_date_any('trim(pol_issue_date_text)') }} AS pol_issue_date,
    {{ parse_date_any('trim(pol_eff_date_text)') }} AS pol_eff_date,
    {{ parse_date_any('trim(pol_expiry_date_text)') }} AS pol_expiry_date,
    upper(trim(body)) AS body,
    upper(trim(make)) AS make,
    upper(trim(model)) AS model,
    {{ to_int('trim(model_year_text)') }} AS model_year,
    {{ clean_code('chassis_no') }} AS chassis_no,
    trim(use_of_vehicle) AS use_of_vehicle,
    {{ parse_date_any('trim(drv_dob_text)') }} AS drv_dob,
    upper(trim(borough)) AS borough,
    trim(neighborhood) AS neighborhood,
    lpad(split_part(trim(zip_code_text), '.', 1), 5, '0') AS zip_code,
    trim(product) AS product,
    try_cast(trim(sum_insured_text) AS DOUBLE) AS sum_insured,
    try_cast(trim(premium_text) AS DOUBLE) AS premium,
    try_cast(trim(deductable_text) AS DOUBLE) AS deductable
  FROM {{ smart_claims_adapter('policies') }}
), typed AS (
  SELECT
    s.*,
    CAST(datediff(s.pol_expiry_date, s.pol_eff_date) AS BIGINT) AS term_days,
    CAST(z.latitude AS DOUBLE) AS latitude,
    CAST(z.longitude AS DOUBLE) AS longitude
  FROM src s
  LEFT JOIN {{ ref('seed_zip_centroids') }} z ON z.zip_code = s.zip_code
)
SELECT
  typed.*,
  {{ failed_expectations([
    ('policy_no_present', 'policy_no IS NOT NULL'),
    ('term_readable', 'pol_eff_date IS NOT NULL AND pol_expiry_date IS NOT NULL AND pol_eff_date < pol_expiry_date'),
    ('premium_readable', 'premium IS NOT NULL AND premium >= 0'),
  ]) }} AS failed_expectations
FROM typed
