-- Marketo `activity_open_email` as the Fivetran connector lands it.
-- materialized: view
SELECT * FROM {{ raw_parquet('marketo/activity_open_email.parquet') }}
