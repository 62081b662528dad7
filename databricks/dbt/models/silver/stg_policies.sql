-- Usable policies: every expectation of stg_policies_checked met.
{{ config(materialized='table') }}
SELECT
  policy_no, cust_id, policy_type, pol_issue_date, pol_eff_date, pol_expiry_date, body, make, model, model_year,
  chassis_no, use_of_vehicle, drv_dob, borough, neighborhood, zip_code, product, sum_insured, premium, deductable,
  term_days, latitude, longitude
FROM {{ ref('stg_policies_checked') }}
WHERE size(failed_expectations) = 0
