-- Marketo campaigns from Fivetran.
{{ config(materialized='table') }}
SELECT CAST(id AS BIGINT) AS campaign_id, name AS campaign_name, program_name, CAST(created_at AS TIMESTAMP) AS created_at
FROM {{ source('marketo', 'campaign') }}
