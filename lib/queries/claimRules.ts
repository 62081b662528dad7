import "server-only";
import { z } from "zod";
import { defineQuery } from "./defineQuery";

// The active claim rules of the gold build. Each has a check_<id> column on gold.claims (true: passed,
// false: failed, NULL: could not be checked), which the queue reads instead of the long result table.

const RULE_ID = /^[a-z][a-z0-9_]{0,62}$/;

export const getActiveRules = defineQuery({
  name: "getActiveRules",
  parameters: z.object({}),
  row: z.object({ id: z.string().regex(RULE_ID), name: z.string(), description: z.string(), severity: z.string() }),
  // High-severity rules first: the order a claim's checks are shown in.
  sql: (table) => `SELECT id, name, description, severity FROM ${table("claim_rules")} WHERE active ORDER BY CASE severity WHEN 'high' THEN 0 ELSE 1 END, id`,
});

/** The column of a rule's outcome; the id comes from gold.claim_rules, checked again before it becomes SQL. */
export function checkColumn(ruleId: string): string {
  if (!RULE_ID.test(ruleId)) throw new Error(`rule id ${JSON.stringify(ruleId)} cannot name a column`);
  return `check_${ruleId}`;
}

/** TRUE where the claim failed the rule; FALSE where the rule is not active in this build (no column). */
export function failedSql(ruleIds: readonly string[], ruleId: string): string {
  return ruleIds.includes(ruleId) ? `${checkColumn(ruleId)} = false` : "false";
}
