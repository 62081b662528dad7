import "server-only";
import { z } from "zod";
import { amount, count, defineQuery, nullableNumber } from "./defineQuery";
import { INCIDENT_FILTERS_SQL, PERIOD_SQL, POLICY_FILTERS_SQL, lossFilters } from "./filters";

/**
 * Loss KPIs for a period (both ends inclusive), from the pre-aggregated daily gold tables.
 * Loss ratio = (claim amounts + LAE of claims whose incident date is in the period) / earned premium in
 * the period; property uses property + vehicle amounts, liability the injury amounts. Claim frequency =
 * claims / earned exposure in policy-years. Every ratio is NULL when there is no earned premium.
 * Incident filters (type, severity, hour) narrow the losses but not the premium.
 */
export const getLossKpis = defineQuery({
  name: "getLossKpis",
  parameters: lossFilters,
  row: z.object({
    earned_premium: amount,
    exposure_years: amount,
    claim_count: count,
    claim_amount: amount,
    property_amount: amount,
    liability_amount: amount,
    lae: amount,
    incurred_losses: amount,
    loss_ratio: nullableNumber,
    property_loss_ratio: nullableNumber,
    liability_loss_ratio: nullableNumber,
    claim_frequency: nullableNumber,
  }),
  sql: (table) => `
    WITH premium AS (
      SELECT coalesce(sum(earned_premium), 0) AS earned_premium, coalesce(sum(exposure_years), 0) AS exposure_years
      FROM ${table("premium_daily")}
      WHERE ${PERIOD_SQL("day")} AND ${POLICY_FILTERS_SQL}
    ), losses AS (
      SELECT
        coalesce(sum(claim_count), 0) AS claim_count,
        coalesce(sum(claim_amount), 0) AS claim_amount,
        coalesce(sum(property_amount), 0) AS property_amount,
        coalesce(sum(liability_amount), 0) AS liability_amount,
        coalesce(sum(lae), 0) AS lae
      FROM ${table("loss_daily")}
      WHERE ${PERIOD_SQL("day")} AND ${POLICY_FILTERS_SQL} AND ${INCIDENT_FILTERS_SQL}
    )
    SELECT
      earned_premium, exposure_years, claim_count, claim_amount, property_amount, liability_amount, lae,
      claim_amount + lae AS incurred_losses,
      (claim_amount + lae) / nullif(earned_premium, 0) AS loss_ratio,
      property_amount / nullif(earned_premium, 0) AS property_loss_ratio,
      liability_amount / nullif(earned_premium, 0) AS liability_loss_ratio,
      claim_count / nullif(exposure_years, 0) AS claim_frequency
    FROM premium CROSS JOIN losses`,
});
