-- Marketo `campaign` as the Fivetran connector lands it.
-- materialized: view
SELECT * FROM {{ raw_parquet('marketo/campaign.parquet') }}
