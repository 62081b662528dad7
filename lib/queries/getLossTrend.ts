import "server-only";
import { z } from "zod";
import { amount, count, defineQuery, nullableNumber } from "./defineQuery";
import { INCIDENT_FILTERS_SQL, PERIOD_SQL, POLICY_FILTERS_SQL, lossFilters } from "./filters";

/** Earned premium, incurred losses (+ LAE) and loss ratio per calendar month of the period; edge months count only their days inside it. */
export const getLossTrend = defineQuery({
  name: "getLossTrend",
  parameters: lossFilters,
  row: z.object({ month: z.string(), earned_premium: amount, incurred_losses: amount, claim_count: count, loss_ratio: nullableNumber }),
  // Summed per day first, then per month: the month of ~500 days costs far less than the month of every row.
  sql: (table) => `
    WITH premium_days AS (
      SELECT day, sum(earned_premium) AS earned_premium
      FROM ${table("premium_daily")}
      WHERE ${PERIOD_SQL("day")} AND ${POLICY_FILTERS_SQL}
      GROUP BY day
    ), loss_days AS (
      SELECT day, sum(claim_amount + lae) AS incurred_losses, sum(claim_count) AS claim_count
      FROM ${table("loss_daily")}
      WHERE ${PERIOD_SQL("day")} AND ${POLICY_FILTERS_SQL} AND ${INCIDENT_FILTERS_SQL}
      GROUP BY day
    ), premium AS (
      SELECT CAST(date_trunc('month', day) AS DATE) AS month, sum(earned_premium) AS earned_premium FROM premium_days GROUP BY 1
    ), losses AS (
      SELECT CAST(date_trunc('month', day) AS DATE) AS month, sum(incurred_losses) AS incurred_losses, sum(claim_count) AS claim_count FROM loss_days GROUP BY 1
    )
    SELECT
      CAST(coalesce(p.month, l.month) AS STRING) AS month,
      coalesce(p.earned_premium, 0) AS earned_premium,
      coalesce(l.incurred_losses, 0) AS incurred_losses,
      coalesce(l.claim_count, 0) AS claim_count,
      coalesce(l.incurred_losses, 0) / nullif(p.earned_premium, 0) AS loss_ratio
    FROM premium p FULL OUTER JOIN losses l ON l.month = p.month
    ORDER BY 1`,
});
