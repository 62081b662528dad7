-- The rows that cannot be used, kept with the expectations they broke (like a DLT expectation that keeps what it
-- drops): a claim without number, known policy, positive total or readable dates; a policy without number, term or
-- premium; a telematics point without time or position. gold model_runs counts them per model.
{{ config(materialized='table') }}
SELECT
  'silver.stg_policies' AS model,
  CAST(policy_no AS STRING) AS record_key,
  try_element_at(failed_expectations, 1) AS rule,
  array_join(failed_expectations, ', ') AS rules_failed,
  to_json(struct(*)) AS record
FROM {{ ref('stg_policies_checked') }}
WHERE size(failed_expectations) > 0
UNION ALL
SELECT
  'silver.stg_claims' AS model,
  CAST(claim_no AS STRING) AS record_key,
  try_element_at(failed_expectations, 1) AS rule,
  array_join(failed_expectations, ', ') AS rules_failed,
  to_json(struct(*)) AS record
FROM {{ ref('stg_claims_checked') }}
WHERE size(failed_expectations) > 0
UNION ALL
SELECT
  'silver.stg_telematics' AS model,
  CAST(chassis_no AS STRING) AS record_key,
  try_element_at(failed_expectations, 1) AS rule,
  array_join(failed_expectations, ', ') AS rules_failed,
  to_json(struct(*)) AS record
FROM {{ ref('stg_telematics_checked') }}
WHERE size(failed_expectations) > 0
