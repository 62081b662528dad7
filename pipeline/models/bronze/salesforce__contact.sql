-- Salesforce `contact` as the Fivetran connector lands it.
-- materialized: view
SELECT * FROM {{ raw_parquet('salesforce/contact.parquet') }}
