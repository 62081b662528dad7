-- Earned premium and exposure per day and per Loss Summary dimension, so the earned premium of any
-- date range is a sum. A policy earns premium x (days of its term in the period) / (days in the term)
-- over [pol_eff_date, pol_expiry_date): each day of the term earns premium / term_days.
-- Built as a running sum of +rate at the term start and -rate at the term end (one row per change,
-- not per policy-day), then spread over the calendar.
-- materialized: table
-- order_by: day, policy_type, borough, make
WITH rates AS (
  SELECT policy_type, coalesce(borough, 'UNKNOWN') AS borough, coalesce(make, 'UNKNOWN') AS make,
    pol_eff_date, pol_expiry_date, premium / term_days AS premium_per_day
  FROM {{ ref('stg_policies') }}
), deltas AS (
  SELECT pol_eff_date AS day, policy_type, borough, make, premium_per_day AS d_premium, 1 AS d_policies FROM rates
  UNION ALL
  SELECT pol_expiry_date AS day, policy_type, borough, make, -premium_per_day AS d_premium, -1 AS d_policies FROM rates
), steps AS (
  SELECT day, policy_type, borough, make,
    sum(sum(d_premium)) OVER w AS premium_per_day,
    sum(sum(d_policies)) OVER w AS policies_in_force,
    lead(day) OVER (PARTITION BY policy_type, borough, make ORDER BY day) AS next_day
  FROM deltas
  GROUP BY day, policy_type, borough, make
  WINDOW w AS (PARTITION BY policy_type, borough, make ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
SELECT
  cal.day,
  s.policy_type,
  s.borough,
  s.make,
  s.premium_per_day AS earned_premium,
  CAST(s.policies_in_force AS BIGINT) AS policies_in_force,
  s.policies_in_force / 365.0 AS exposure_years
FROM steps s
JOIN {{ ref('calendar') }} cal ON cal.day >= s.day AND cal.day < s.next_day
WHERE s.policies_in_force > 0
