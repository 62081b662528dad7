-- Salesforce contacts.
-- materialized: table
SELECT id AS contact_id, account_id, email, nullif(lower(replace(trim(email), ' ', '')), '') AS email_key, first_name, last_name
FROM {{ ref('salesforce__contact') }}
WHERE NOT coalesce(CAST(is_deleted AS BOOLEAN), false)
