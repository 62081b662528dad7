-- Which damage photo belongs to which claim and vehicle.
-- materialized: view
SELECT * FROM {{ raw_csv('accidents/image_metadata.csv') }}
