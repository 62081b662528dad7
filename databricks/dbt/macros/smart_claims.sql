{#- Engine helpers shared by the models, the Databricks SQL counterparts of the embedded pipeline's macros. -#}

{#- A date from text in any of the layouts' spellings: dd-MM-yyyy (exports), yyyy-MM-dd (parsed by the
    accelerator, then cast back to text here), or a timestamp such as claim_datetime. Unreadable text is NULL. -#}
{% macro parse_date_any(expr) -%}
  CAST(coalesce(
    try_to_timestamp({{ expr }}, 'dd-MM-yyyy'),
    try_to_timestamp({{ expr }}, 'yyyy-MM-dd'),
    try_to_timestamp({{ expr }}, 'yyyy-MM-dd HH:mm:ss'),
    try_cast({{ expr }} AS TIMESTAMP)
  ) AS DATE)
{%- endmacro %}

{% macro parse_timestamp_any(expr) -%}
  coalesce(try_to_timestamp({{ expr }}, 'yyyy-MM-dd HH:mm:ss'), try_cast({{ expr }} AS TIMESTAMP))
{%- endmacro %}

{#- Identifiers such as chassis numbers arrive padded, lower-cased or with stray characters. -#}
{% macro clean_code(expr) -%}
  nullif(regexp_replace(upper(CAST({{ expr }} AS STRING)), '[^A-Z0-9]', ''), '')
{%- endmacro %}

{#- Whole numbers that may arrive as "2018.0" or 30.0. -#}
{% macro to_int(expr) -%}
  CAST(try_cast(CAST({{ expr }} AS STRING) AS DOUBLE) AS INT)
{%- endmacro %}

{% macro add_hours(ts, hours) -%}
  timestampadd(HOUR, CAST({{ hours }} AS INT), {{ ts }})
{%- endmacro %}

{#- The first of the candidate columns the relation has, or the fallback expression: accelerator versions
    differ (claim_date vs claim_datetime; no loss adjustment expense at all). Resolved when the model runs;
    while dbt parses, the first candidate stands in. -#}
{% macro column_or(relation, candidates, fallback='NULL') -%}
  {%- if candidates is string -%}{%- set candidates = [candidates] -%}{%- endif -%}
  {%- if not execute -%}{{ return(candidates[0]) }}{%- endif -%}
  {%- set present = adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list -%}
  {%- for candidate in candidates -%}
    {%- if candidate | lower in present -%}{{ return(candidate) }}{%- endif -%}
  {%- endfor -%}
  {{ return(fallback) }}
{%- endmacro %}

{#- The bronze adapter of the configured Smart Claims layout for one entity (claims, policies, telematics,
    damage_images): both layouts' adapters give the same columns, so silver reads either. -#}
{% macro smart_claims_adapter(entity) -%}
  {%- set layout = var('smart_claims_layout') -%}
  {%- if layout not in ['original', 'demo'] -%}
    {{ exceptions.raise_compiler_error("var smart_claims_layout must be 'original' or 'demo', got '" ~ layout ~ "'") }}
  {%- endif -%}
  {{ return(ref('smart_claims_' ~ layout ~ '__' ~ entity)) }}
{%- endmacro %}

{#- The names of the expectations a row fails, from (name, condition) pairs; a NULL condition fails. -#}
{% macro failed_expectations(expectations) -%}
  filter(array(
    {%- for name, condition in expectations %}
    CASE WHEN NOT coalesce(({{ condition }}), false) THEN '{{ name }}' END{{ ',' if not loop.last }}
    {%- endfor %}
  ), rule -> rule IS NOT NULL)
{%- endmacro %}
