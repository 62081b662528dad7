-- Accounts with their normalised country ("Unknown" when the account has no billing country).
{{ config(materialized='table') }}
SELECT account_id, account_name, country, iso_a2, iso_a3, iso_n3, billing_country_raw, industry
FROM {{ ref('stg_salesforce__account') }}
