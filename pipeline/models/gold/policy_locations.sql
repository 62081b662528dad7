-- Policies per zip code centroid, for the map of where the policies are.
-- materialized: table
-- order_by: zip_code
SELECT
  zip_code, borough, neighborhood, latitude, longitude, policy_type, make,
  count(*) AS policies,
  sum(premium) AS written_premium,
  min(pol_eff_date) AS first_eff_date,
  max(pol_expiry_date) AS last_expiry_date
FROM {{ ref('stg_policies') }}
GROUP BY zip_code, borough, neighborhood, latitude, longitude, policy_type, make
