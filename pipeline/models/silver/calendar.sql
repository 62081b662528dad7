-- Every day from the first policy term start to the last term end.
-- materialized: table
-- order_by: day
SELECT CAST(d AS DATE) AS day
FROM (
  SELECT {{ explode_days('min_day', 'max_day') }} AS d
  FROM (SELECT min(pol_eff_date) AS min_day, max(pol_expiry_date) AS max_day FROM {{ ref('stg_policies') }})
)
