{#- gold.model_runs: one row per model of this dbt invocation, from dbt's own run results (on-run-end).
    row_count is what the warehouse reported for the statement (NULL for views or when it reports nothing);
    quarantined counts the rows silver.quarantine holds for the model. -#}
{% macro record_model_runs(results) %}
  {%- if not execute -%}{{ return('') }}{%- endif -%}
  {%- set layers = {'bronze': 'bronze', 'silver': 'silver', 'gold': 'gold', 'staging': 'silver'} -%}
  {%- set rows = [] -%}
  {%- for r in results if r.node.resource_type == 'model' and r.status == 'success' -%}
    {%- set folder = r.node.fqn[-2] if r.node.fqn | length > 2 else 'gold' -%}
    {%- set layer = layers.get(folder, layers.get(r.node.fqn[1], 'gold')) -%}
    {%- set rows_affected = (r.adapter_response or {}).get('rows_affected') -%}
    {%- set row_count = rows_affected if rows_affected is number and rows_affected >= 0 else 'NULL' -%}
    {%- do rows.append("('" ~ layer ~ "." ~ r.node.name ~ "', '" ~ layer ~ "', CAST(" ~ row_count ~ " AS BIGINT), CAST(" ~ (r.execution_time * 1000) ~ " AS DOUBLE))") -%}
  {%- endfor -%}
  {%- if rows | length == 0 -%}{{ return('') }}{%- endif -%}
  {%- set quarantine = adapter.get_relation(database=target.database, schema='goldlens_silver', identifier='quarantine') -%}
  CREATE OR REPLACE TABLE {{ target.database }}.{{ target.schema }}.model_runs AS
  SELECT r.model, r.layer, r.row_count,
    {% if quarantine %}coalesce(q.n, 0){% else %}CAST(0 AS BIGINT){% endif %} AS quarantined,
    r.ms
  FROM (VALUES {{ rows | join(', ') }}) AS r(model, layer, row_count, ms)
  {% if quarantine -%}
  LEFT JOIN (SELECT model, count(*) AS n FROM {{ quarantine }} GROUP BY model) q ON q.model = r.model
  {%- endif %}
{% endmacro %}
