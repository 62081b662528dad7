-- One row describing this build. build_id is dbt's invocation id, new with every `dbt build`, so the app's caches
-- (keyed on it) turn over; the depends_on lines make this model run after every gold table.
-- depends_on: {{ ref('claims') }}
-- depends_on: {{ ref('claim_rules') }}
-- depends_on: {{ ref('claim_rule_results') }}
-- depends_on: {{ ref('policies') }}
-- depends_on: {{ ref('telematics') }}
-- depends_on: {{ ref('premium_daily') }}
-- depends_on: {{ ref('loss_daily') }}
-- depends_on: {{ ref('dim_account') }}
-- depends_on: {{ ref('dim_user') }}
-- depends_on: {{ ref('fct_email_sends') }}
-- depends_on: {{ ref('fct_email_opens') }}
-- depends_on: {{ ref('fct_email_clicks') }}
-- depends_on: {{ ref('int_email_open_clicks_joined') }}
-- depends_on: {{ ref('email_engagement_daily') }}
-- depends_on: {{ ref('country_email_engagement') }}
-- depends_on: {{ ref('account_email_engagement') }}
{{ config(materialized='table') }}
SELECT
  '{{ invocation_id }}' AS build_id,
  CAST(current_timestamp() AS TIMESTAMP) AS built_at,
  (SELECT max(incident_date) FROM {{ ref('claims') }}) AS claims_as_of,
  (SELECT max(activity_date) FROM {{ ref('email_engagement_daily') }}) AS engagement_as_of,
  'unknown' AS source_scale,
  CAST(NULL AS BIGINT) AS source_seed
