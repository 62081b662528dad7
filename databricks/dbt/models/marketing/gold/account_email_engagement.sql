-- Email engagement per account over all time, with the same definitions as per country.
{{ config(materialized='table') }}
SELECT
  account_id,
  account_name,
  country,
  CAST(sum(sends) AS BIGINT) AS sends,
  CAST(sum(opens) AS BIGINT) AS opens,
  CAST(sum(unique_opens) AS BIGINT) AS unique_opens,
  CAST(sum(clicks) AS BIGINT) AS clicks,
  CAST(sum(unique_clicks) AS BIGINT) AS unique_clicks,
  CAST(sum(unique_opens) AS DOUBLE) / nullif(sum(sends), 0) AS open_rate,
  CAST(sum(unique_clicks) AS DOUBLE) / nullif(sum(unique_opens), 0) AS click_ratio
FROM {{ ref('email_engagement_daily') }}
GROUP BY account_id, account_name, country
