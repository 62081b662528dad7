-- Marketo `activity_click_email` as the Fivetran connector lands it.
-- materialized: view
SELECT * FROM {{ raw_parquet('marketo/activity_click_email.parquet') }}
