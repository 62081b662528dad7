import "server-only";
import { z } from "zod";
import { count, defineQuery } from "./defineQuery";
import { BASE_CLAIM_FILTERS_SQL, DECIDED_SQL, FAILED_RULE_FLAGS_SQL, claimQueueFilters } from "./claimFilters";

/**
 * The queue's counters over the base filters, each a FILTER count: a category with no claims counts 0,
 * never another category's number.
 */
export const getClaimCounters = defineQuery({
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
    WITH base AS (
      SELECT claim_no, suspicious_activity, next_best_action FROM ${table("claims")} WHERE ${BASE_CLAIM_FILTERS_SQL}
    ), flags AS (${FAILED_RULE_FLAGS_SQL(table("claim_rule_results"))})
    SELECT
      count(*) AS claims,
      count(*) FILTER (WHERE c.suspicious_activity) AS suspicious,
      count(*) FILTER (WHERE f.policy_not_in_force) AS policy_not_in_force,
      count(*) FILTER (WHERE f.severity_mismatch) AS severity_mismatch,
      count(*) FILTER (WHERE f.exceeds_cover) AS exceeds_cover,
      count(*) FILTER (WHERE c.next_best_action = 'investigate') AS needs_investigation,
      count(*) FILTER (WHERE NOT ${DECIDED_SQL(dialect, "c.claim_no")}) AS undecided
    FROM base c
    LEFT JOIN flags f ON f.claim_no = c.claim_no`,
});
