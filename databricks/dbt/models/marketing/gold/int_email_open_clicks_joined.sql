-- One row per send (email_send_id), never one per open x click: opens and clicks are counted per send and then
-- joined, so one open and three clicks stay one open and three clicks. A click implies an open (images may be
-- blocked), as email tools count it: unique_opens is 1 when the send was opened or clicked. A send seen only through
-- its opens or clicks still counts as sent.
{{ config(materialized='table') }}
WITH sends AS (
  SELECT email_send_id, lead_id, campaign_id, min(activity_timestamp) AS sent_at
  FROM {{ ref('fct_email_sends') }} GROUP BY email_send_id, lead_id, campaign_id
), opens AS (
  SELECT email_send_id, lead_id, campaign_id, min(activity_timestamp) AS first_open_at, count(*) AS opens
  FROM {{ ref('fct_email_opens') }} GROUP BY email_send_id, lead_id, campaign_id
), clicks AS (
  SELECT email_send_id, lead_id, campaign_id, min(activity_timestamp) AS first_click_at, count(*) AS clicks
  FROM {{ ref('fct_email_clicks') }} GROUP BY email_send_id, lead_id, campaign_id
), keys AS (
  SELECT email_send_id, lead_id, campaign_id FROM sends
  UNION SELECT email_send_id, lead_id, campaign_id FROM opens
  UNION SELECT email_send_id, lead_id, campaign_id FROM clicks
)
SELECT
  k.email_send_id,
  k.lead_id,
  k.campaign_id,
  coalesce(s.sent_at, o.first_open_at, c.first_click_at) AS sent_at,
  s.email_send_id IS NOT NULL AS send_recorded,
  coalesce(o.opens, 0) AS opens,
  coalesce(c.clicks, 0) AS clicks,
  CASE WHEN coalesce(o.opens, 0) > 0 OR coalesce(c.clicks, 0) > 0 THEN 1 ELSE 0 END AS unique_opens,
  CASE WHEN coalesce(c.clicks, 0) > 0 THEN 1 ELSE 0 END AS unique_clicks,
  o.first_open_at,
  c.first_click_at
FROM keys k
LEFT JOIN sends s ON s.email_send_id = k.email_send_id
LEFT JOIN opens o ON o.email_send_id = k.email_send_id
LEFT JOIN clicks c ON c.email_send_id = k.email_send_id
