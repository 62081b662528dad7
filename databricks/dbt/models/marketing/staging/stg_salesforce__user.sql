-- Salesforce users with the same email key as leads.
{{ config(materialized='table') }}
SELECT
  id AS user_id,
  email,
  nullif(lower(replace(trim(email), ' ', '')), '') AS email_key,
  account_id,
  coalesce(CAST(is_active AS BOOLEAN), false) AS is_active,
  CAST(last_modified_date AS TIMESTAMP) AS last_modified_date
FROM {{ source('salesforce', 'user') }}
WHERE NOT coalesce(CAST(_fivetran_deleted AS BOOLEAN), false)
