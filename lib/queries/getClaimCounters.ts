import "server-only";
import { z } from "zod";
import { count, defineQuery } from "./defineQuery";
import { BASE_CLAIM_FILTERS_SQL, DECIDED_SQL, claimQueueFilters } from "./claimFilters";
import { failedSql } from "./claimRules";

/**
 * The queue's counters over the base filters, each a FILTER count: a category with no claims counts 0,
 * never another category's number. Failed checks come from the check_<rule> columns of the active rules;
 * a counter whose rule is not active in this build counts 0.
 */
export function claimCountersQuery(activeRuleIds: readonly string[]) {
  return defineQuery({
    name: "getClaimCounters",
    parameters: z.object(claimQueueFilters),
    row: z.object({
      claims: count,
      suspicious: count,
      policy_not_in_force: count,
      severity_mismatch: count,
      exceeds_cover: count,
      needs_investigation: count,
      undecided: count,
    }),
    sql: (table, dialect) => `
      SELECT
        count(*) AS claims,
        count(*) FILTER (WHERE suspicious_activity) AS suspicious,
        count(*) FILTER (WHERE ${failedSql(activeRuleIds, "policy_in_force")}) AS policy_not_in_force,
        count(*) FILTER (WHERE ${failedSql(activeRuleIds, "severity_consistent")}) AS severity_mismatch,
        count(*) FILTER (WHERE ${failedSql(activeRuleIds, "amount_within_cover")}) AS exceeds_cover,
        count(*) FILTER (WHERE next_best_action = 'investigate') AS needs_investigation,
        count(*) FILTER (WHERE NOT ${DECIDED_SQL(dialect)}) AS undecided
      FROM ${table("claims")}
      WHERE ${BASE_CLAIM_FILTERS_SQL}`,
  });
}
