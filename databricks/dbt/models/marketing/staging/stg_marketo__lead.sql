-- Marketo leads with an email key for matching: trimmed, spaces removed, lower-cased.
{{ config(materialized='table') }}
SELECT
  CAST(id AS BIGINT) AS lead_id,
  email,
  nullif(lower(replace(trim(email), ' ', '')), '') AS email_key,
  first_name,
  last_name,
  CAST(created_at AS TIMESTAMP) AS created_at
FROM {{ source('marketo', 'lead') }}
