{#- Claim rules are data: every active row of the claim_rules model (from the seed seed_claim_rules) is
    evaluated against int_claim_facts, so adding a rule is a new seed row and `dbt build`, not new SQL.
    The rules are read when the model runs; while dbt parses there are none. -#}

{% macro active_claim_rules() %}
  {%- set rules_relation = ref('claim_rules') -%}
  {%- if not execute -%}{{ return([]) }}{%- endif -%}
  {%- set result = run_query('SELECT id, expression, expected, actual FROM ' ~ rules_relation ~ ' WHERE active ORDER BY id') -%}
  {%- set rules = [] -%}
  {%- for row in result.rows -%}
    {%- if not modules.re.match('^[a-z][a-z0-9_]*$', row[0]) -%}
      {{ exceptions.raise_compiler_error("claim rule id '" ~ row[0] ~ "' must be a lower-case identifier: it becomes the column check_" ~ row[0]) }}
    {%- endif -%}
    {%- do rules.append({'id': row[0], 'expression': row[1], 'expected': row[2], 'actual': row[3]}) -%}
  {%- endfor -%}
  {{ return(rules) }}
{% endmacro %}

{#- One long row per (claim, active rule): passed is true, false, or NULL when the compared values are missing. -#}
{% macro claim_rule_union(relation) -%}
  {%- set rules = active_claim_rules() -%}
  {%- if rules | length == 0 -%}
  SELECT CAST(NULL AS STRING) AS claim_no, CAST(NULL AS STRING) AS rule_id, CAST(NULL AS BOOLEAN) AS passed,
    CAST(NULL AS STRING) AS expected, CAST(NULL AS STRING) AS actual
  WHERE false
  {%- else -%}
  {%- for rule in rules %}
  SELECT claim_no, '{{ rule.id }}' AS rule_id, CAST(({{ rule.expression }}) AS BOOLEAN) AS passed,
    CAST(({{ rule.expected or 'NULL' }}) AS STRING) AS expected, CAST(({{ rule.actual or 'NULL' }}) AS STRING) AS actual
  FROM {{ relation }}
  {% if not loop.last %}UNION ALL{% endif %}
  {%- endfor -%}
  {%- endif -%}
{%- endmacro %}

{#- check_<rule id> per claim, pivoted from the long results (inside a GROUP BY claim_no). -#}
{% macro claim_rule_pivot() -%}
  {%- for rule in active_claim_rules() %}
  bool_or(passed) FILTER (WHERE rule_id = '{{ rule.id }}') AS check_{{ rule.id }},
  {%- endfor -%}
{%- endmacro %}

{#- The check_<rule id> columns of a relation holding the pivot, for a select list. -#}
{% macro claim_rule_check_columns(alias) -%}
  {%- for rule in active_claim_rules() %}
  {{ alias }}.check_{{ rule.id }},
  {%- endfor -%}
{%- endmacro %}
