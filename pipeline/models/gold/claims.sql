-- One row per usable claim: claim, policy, driver, vehicle, location, damage score and class, telematics
-- near the incident, a check_<rule> column per active rule (true, false, or NULL for unknown), and the
-- next best action: release funds only when every check passed, otherwise investigate.
-- materialized: table
-- order_by: claim_no
-- index: claim_no
WITH checks AS (
  SELECT
    claim_no,
    {{ claim_rule_columns() }}
    count(*) FILTER (WHERE passed IS TRUE) AS checks_passed,
    count(*) FILTER (WHERE passed IS FALSE) AS checks_failed,
    count(*) FILTER (WHERE passed IS NULL) AS checks_unknown
  FROM {{ ref('claim_rule_results') }}
  GROUP BY claim_no
)
SELECT
  *,
  CASE WHEN coalesce(checks_failed, 0) = 0 AND coalesce(checks_unknown, 0) = 0 THEN 'release funds' ELSE 'investigate' END AS next_best_action
FROM {{ ref('int_claim_facts') }}
LEFT JOIN checks USING (claim_no)
