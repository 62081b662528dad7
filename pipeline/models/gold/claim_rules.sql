-- The claim rules, typed. Each active rule is evaluated against int_claim_facts by the pipeline;
-- a new rule is a new row in seed_claim_rules.csv, not new code.
-- materialized: table
-- order_by: id
SELECT
  id, name, description, expression, expected, actual, lower(severity) AS severity,
  lower(trim(active)) IN ('true', '1', 'yes') AS active
FROM {{ ref('seed_claim_rules') }}
