-- Demo layout: policy, loaded by Auto Loader with inferred types (dates already parsed, ZIP_CODE an integer)
-- and the CSV header's upper-case names. Read back as text so silver parses both layouts one way.
{{ config(materialized='view') }}
SELECT
  CAST(CUST_ID AS STRING) AS cust_id,
  CAST(POLICY_NO AS STRING) AS policy_no,
  CAST(POLICYTYPE AS STRING) AS policy_type,
  CAST(POL_ISSUE_DATE AS STRING) AS pol_issue_date_text,
  CAST(POL_EFF_DATE AS STRING) AS pol_eff_date_text,
  CAST(POL_EXPIRY_DATE AS STRING) AS pol_expiry_date_text,
  CAST(BODY AS STRING) AS body,
  CAST(MAKE AS STRING) AS make,
  CAST(MODEL AS STRING) AS model,
  CAST(MODEL_YEAR AS STRING) AS model_year_text,
  CAST(CHASSIS_NO AS STRING) AS chassis_no,
  CAST(USE_OF_VEHICLE AS STRING) AS use_of_vehicle,
  CAST(DRV_DOB AS STRING) AS drv_dob_text,
  CAST(BOROUGH AS STRING) AS borough,
  CAST(NEIGHBORHOOD AS STRING) AS neighborhood,
  CAST(ZIP_CODE AS STRING) AS zip_code_text,
  CAST(PRODUCT AS STRING) AS product,
  CAST(SUM_INSURED AS STRING) AS sum_insured_text,
  CAST(PREMIUM AS STRING) AS premium_text,
  CAST(DEDUCTABLE AS STRING) AS deductable_text
FROM {{ source('smart_claims_demo', 'policy') }}
