-- Earned premium and exposure per day and Loss Summary dimension, so the earned premium of any date range is a sum.
-- A policy earns premium x (days of its term in the period) / (days in the term) over [pol_eff_date,
-- pol_expiry_date): each day of the term earns premium / term_days. Built as a running sum of +rate at the term
-- start and -rate at the term end (one row per change, not per policy-day), then spread over the days to the next
-- change.
{{ config(materialized='table', liquid_clustered_by=['day']) }}
WITH rates AS (
  SELECT policy_type, coalesce(borough, 'UNKNOWN') AS borough, coalesce(make, 'UNKNOWN') AS make,
    pol_eff_date, pol_expiry_date, premium / term_days AS premium_per_day
  FROM {{ ref('stg_policies') }}
), deltas AS (
  SELECT pol_eff_date AS day, policy_type, borough, make, premium_per_day AS d_premium, 1 AS d_policies FROM rates
  UNION ALL
  SELECT pol_expiry_date AS day, policy_type, borough, make, -premium_per_day AS d_premium, -1 AS d_policies FROM rates
), changes AS (
  SELECT day, policy_type, borough, make, sum(d_premium) AS d_premium, sum(d_policies) AS d_policies
  FROM deltas
  GROUP BY day, policy_type, borough, make
), steps AS (
  SELECT day, policy_type, borough, make,
    sum(d_premium) OVER w AS premium_per_day,
    sum(d_policies) OVER w AS policies_in_force,
    lead(day) OVER (PARTITION BY policy_type, borough, make ORDER BY day) AS next_day
  FROM changes
  WINDOW w AS (PARTITION BY policy_type, borough, make ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
SELECT
  d.day,
  s.policy_type,
  s.borough,
  s.make,
  CAST(s.premium_per_day AS DOUBLE) AS earned_premium,
  CAST(s.policies_in_force AS BIGINT) AS policies_in_force,
  CAST(s.policies_in_force AS DOUBLE) / 365.0 AS exposure_years
FROM steps s
LATERAL VIEW explode(sequence(s.day, date_sub(s.next_day, 1), INTERVAL 1 DAY)) d AS day
WHERE s.policies_in_force > 0 AND s.next_day IS NOT NULL
