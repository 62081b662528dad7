-- Marketo `lead` as the Fivetran connector lands it.
-- materialized: view
SELECT * FROM {{ raw_parquet('marketo/lead.parquet') }}
