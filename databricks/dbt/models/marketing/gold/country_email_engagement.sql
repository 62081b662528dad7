-- Email engagement per country over all time. click_ratio = unique clicks / unique opens (NULL when nothing was
-- opened, where the dbt demo divides by zero); open_rate = unique opens / sends (NULL when nothing was sent).
{{ config(materialized='table') }}
SELECT
  country,
  iso_a3,
  iso_n3,
  CAST(sum(sends) AS BIGINT) AS sends,
  CAST(sum(opens) AS BIGINT) AS opens,
  CAST(sum(unique_opens) AS BIGINT) AS unique_opens,
  CAST(sum(clicks) AS BIGINT) AS clicks,
  CAST(sum(unique_clicks) AS BIGINT) AS unique_clicks,
  CAST(sum(unique_opens) AS DOUBLE) / nullif(sum(sends), 0) AS open_rate,
  CAST(sum(unique_clicks) AS DOUBLE) / nullif(sum(unique_opens), 0) AS click_ratio
FROM {{ ref('email_engagement_daily') }}
GROUP BY country, iso_a3, iso_n3
