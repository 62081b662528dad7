-- One row per usable policy with its location, for the map of where the policies are and for
-- counting policies in force in a period. place_id numbers each (zip_code, borough) that can go on the map
-- (located, with a borough): the map counts group on that integer instead of two text columns.
-- materialized: table
-- order_by: pol_eff_date
SELECT
  policy_no, policy_type, product, borough, neighborhood, zip_code, latitude, longitude,
  make, model, model_year, pol_eff_date, pol_expiry_date, premium, sum_insured,
  CASE WHEN latitude IS NOT NULL AND borough IS NOT NULL
    THEN CAST(dense_rank() OVER (PARTITION BY latitude IS NOT NULL AND borough IS NOT NULL ORDER BY zip_code, borough) AS INTEGER)
  END AS place_id
FROM {{ ref('stg_policies') }}
