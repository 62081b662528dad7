-- The damage model's output: a severity score from 0 (none) to 1 (worst) per photo.
-- materialized: view
SELECT * FROM {{ raw_csv('accidents/damage_scores.csv') }}
