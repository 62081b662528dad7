-- Email engagement per send day, campaign and account: every count is additive, so any filter on
-- date, campaign, country or account is a sum. Each send is dated by when it was sent, and its opens
-- and clicks count with it. Leads without an account land in country and account "Unknown".
-- Stored by country, then day: a country's rows are one stretch of the table, which the accounts table
-- (always of one country) reads and groups on its own; a period still narrows within it.
-- materialized: table
-- order_by: country, activity_date, campaign_id
SELECT
  CAST(j.sent_at AS DATE) AS activity_date,
  j.campaign_id,
  coalesce(cmp.campaign_name, 'Unknown campaign') AS campaign_name,
  a.account_id,
  coalesce(a.account_name, 'Unknown') AS account_name,
  coalesce(a.country, 'Unknown') AS country,
  a.iso_a3,
  a.iso_n3,
  CAST(count(*) AS BIGINT) AS sends,
  CAST(sum(j.opens) AS BIGINT) AS opens,
  CAST(sum(j.unique_opens) AS BIGINT) AS unique_opens,
  CAST(sum(j.clicks) AS BIGINT) AS clicks,
  CAST(sum(j.unique_clicks) AS BIGINT) AS unique_clicks
FROM {{ ref('int_email_open_clicks_joined') }} j
LEFT JOIN {{ ref('dim_user') }} u ON u.lead_id = j.lead_id
LEFT JOIN {{ ref('dim_account') }} a ON a.account_id = u.account_id
LEFT JOIN {{ ref('stg_marketo__campaign') }} cmp ON cmp.campaign_id = j.campaign_id
GROUP BY CAST(j.sent_at AS DATE), j.campaign_id, coalesce(cmp.campaign_name, 'Unknown campaign'), a.account_id,
  coalesce(a.account_name, 'Unknown'), coalesce(a.country, 'Unknown'), a.iso_a3, a.iso_n3
