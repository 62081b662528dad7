-- Vehicle telematics points, Parquet or CSV, read in place.
-- materialized: view
SELECT * FROM {{ raw_parquet_or_csv('telematics') }}
