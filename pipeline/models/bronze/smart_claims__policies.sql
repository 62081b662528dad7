-- Policy extract, every column as text exactly as exported.
-- materialized: table
SELECT * FROM {{ raw_csv('policies/*.csv') }}
