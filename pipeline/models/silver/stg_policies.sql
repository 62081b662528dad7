-- Policies typed and geocoded by the centroid of their zip code. Numbers such as "2018.0" arrive as text.
-- A policy without a number or a readable term cannot carry premium and is quarantined.
-- materialized: table
-- key: policy_no
-- order_by: policy_no
-- expect policy_no_present: policy_no IS NOT NULL
-- expect term_readable: pol_eff_date IS NOT NULL AND pol_expiry_date IS NOT NULL AND pol_eff_date < pol_expiry_date
-- expect premium_readable: premium IS NOT NULL AND premium >= 0
WITH src AS (
  SELECT
    nullif(trim(POLICY_NO), '') AS policy_no,
    nullif(trim(CUST_ID), '') AS cust_id,
    upper(trim(POLICYTYPE)) AS policy_type,
    {{ parse_date('trim(POL_ISSUE_DATE)', 'dd-MM-yyyy') }} AS pol_issue_date,
    {{ parse_date('trim(POL_EFF_DATE)', 'dd-MM-yyyy') }} AS pol_eff_date,
    {{ parse_date('trim(POL_EXPIRY_DATE)', 'dd-MM-yyyy') }} AS pol_expiry_date,
    upper(trim(BODY)) AS body,
    upper(trim(MAKE)) AS make,
    upper(trim(MODEL)) AS model,
    CAST(try_cast(MODEL_YEAR AS DOUBLE) AS INTEGER) AS model_year,
    {{ clean_code('CHASSIS_NO') }} AS chassis_no,
    trim(USE_OF_VEHICLE) AS use_of_vehicle,
    {{ parse_date('trim(DRV_DOB)', 'dd-MM-yyyy') }} AS drv_dob,
    upper(trim(BOROUGH)) AS borough,
    trim(NEIGHBORHOOD) AS neighborhood,
    lpad(split_part(trim(ZIP_CODE), '.', 1), 5, '0') AS zip_code,
    trim(PRODUCT) AS product,
    try_cast(SUM_INSURED AS DOUBLE) AS sum_insured,
    try_cast(PREMIUM AS DOUBLE) AS premium,
    try_cast(DEDUCTABLE AS DOUBLE) AS deductable
  FROM {{ ref('smart_claims__policies') }}
)
SELECT
  s.*,
  {{ days_between('s.pol_eff_date', 's.pol_expiry_date') }} AS term_days,
  z.latitude,
  z.longitude
FROM src s
LEFT JOIN {{ ref('seed_zip_centroids') }} z ON z.zip_code = s.zip_code
