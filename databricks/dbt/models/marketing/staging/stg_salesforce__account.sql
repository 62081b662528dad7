-- Salesforce accounts with the billing country normalised through the alias seed ("USA", "U.S." -> United States).
-- A blank country is "Unknown"; a country the seed does not know keeps its own spelling.
{{ config(materialized='table') }}
WITH aliases AS (
  SELECT alias, country, iso_a2, iso_a3, iso_n3 FROM {{ ref('seed_country_aliases') }}
)
SELECT
  a.id AS account_id,
  a.name AS account_name,
  a.billing_country AS billing_country_raw,
  coalesce(al.country, nullif(trim(a.billing_country), ''), 'Unknown') AS country,
  al.iso_a2,
  al.iso_a3,
  al.iso_n3,
  a.industry
FROM {{ source('salesforce', 'account') }} a
LEFT JOIN aliases al ON al.alias = lower(trim(a.billing_country))
WHERE NOT coalesce(CAST(a.is_deleted AS BOOLEAN), false)
