-- Marketo `activity_send_email` as the Fivetran connector lands it.
-- materialized: view
SELECT * FROM {{ raw_parquet('marketo/activity_send_email.parquet') }}
