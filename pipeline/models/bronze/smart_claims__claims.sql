-- Claims as the claims system exports them: one nested JSON object per line, kept whole.
-- materialized: table
SELECT json AS record
FROM {{ raw_json_lines('claims/*.jsonl') }}
