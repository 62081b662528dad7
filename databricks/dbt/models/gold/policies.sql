-- One row per usable policy with its location (no personal data), for the map of where the policies are and for
-- counting policies in force in a period.
{{ config(materialized='table', liquid_clustered_by=['pol_eff_date']) }}
SELECT
  policy_no, policy_type, product, borough, neighborhood, zip_code, latitude, longitude,
  make, model, model_year, pol_eff_date, pol_expiry_date, premium, sum_insured
FROM {{ ref('stg_policies') }}
