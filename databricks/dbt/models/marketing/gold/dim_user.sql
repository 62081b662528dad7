-- Each Marketo lead matched to the account of the Salesforce user with the same email, ignoring case and spaces
-- (the dbt demo's join is case-sensitive). Where several users share an email, the match goes to the active one,
-- then the most recently modified, then the lowest user id. A lead with no match keeps a NULL account (-> Unknown).
{{ config(materialized='table') }}
WITH users AS (
  SELECT email_key, user_id, account_id,
    row_number() OVER (
      PARTITION BY email_key
      ORDER BY is_active DESC NULLS LAST, last_modified_date DESC NULLS LAST, user_id ASC NULLS LAST
    ) AS rn
  FROM {{ ref('stg_salesforce__user') }}
  WHERE email_key IS NOT NULL AND account_id IS NOT NULL
)
SELECT l.lead_id, l.email, l.email_key, u.user_id, u.account_id
FROM {{ ref('stg_marketo__lead') }} l
LEFT JOIN users u ON u.email_key = l.email_key AND u.rn = 1
