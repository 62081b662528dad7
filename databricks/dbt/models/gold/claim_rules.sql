-- The claim rules, typed. Each active rule is evaluated against int_claim_facts (macros/claim_rules.sql); a new
-- rule is a new row in seeds/seed_claim_rules.csv, not new code.
{{ config(materialized='table') }}
SELECT
  id,
  name,
  description,
  expression,
  expected,
  actual,
  lower(severity) AS severity,
  lower(trim(active)) IN ('true', '1', 'yes') AS active
FROM {{ ref('seed_claim_rules') }}
