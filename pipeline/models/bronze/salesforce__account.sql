-- Salesforce `account` as the Fivetran connector lands it.
-- materialized: view
SELECT * FROM {{ raw_parquet('salesforce/account.parquet') }}
