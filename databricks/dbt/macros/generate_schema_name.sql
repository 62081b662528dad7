{#- A model's custom schema is used as written (goldlens_silver), not prefixed with the target schema, so the
    gold schema holds the contract tables and nothing else. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
  {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
