-- One row per claim and active rule: passed true/false, or NULL (unknown) when the values it compares
-- are missing, with the values compared so an investigator can see why.
-- materialized: table
-- order_by: claim_no, rule_id
-- index: claim_no
WITH facts AS (
  SELECT * FROM {{ ref('int_claim_facts') }}
), results AS (
  {{ claim_rule_union('facts') }}
)
SELECT
  r.claim_no,
  r.rule_id,
  cr.name AS rule_name,
  cr.severity AS rule_severity,
  r.passed,
  CASE WHEN r.passed THEN 'passed' WHEN NOT r.passed THEN 'failed' ELSE 'unknown' END AS outcome,
  r.expected,
  r.actual
FROM results r
JOIN {{ ref('claim_rules') }} cr ON cr.id = r.rule_id
