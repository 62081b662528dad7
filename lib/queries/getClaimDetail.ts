import "server-only";
import { z } from "zod";
import { amount, count, defineQuery, nullableNumber } from "./defineQuery";

const text = z.string().nullable();

/** One claim with its policy, driver, vehicle, damage assessment and telematics summary (personal data). */
export const getClaimDetail = defineQuery({
  name: "getClaimDetail",
  parameters: z.object({ claimNo: z.string().min(1).max(40) }),
  row: z.object({
    claim_no: z.string(), policy_no: z.string(), policy_no_raw: text, renewal_no: nullableNumber,
    claim_date: z.string(), incident_date: z.string(), incident_hour: nullableNumber, incident_type: text,
    incident_severity: text, collision_type: text, vehicles_involved: nullableNumber, number_of_witnesses: nullableNumber,
    suspicious_activity: z.boolean(), months_as_customer: nullableNumber,
    amount_total: amount, amount_injury: amount, amount_property: amount, amount_vehicle: amount, lae: amount,
    driver_age: nullableNumber, driver_insured_relationship: text, driver_license_issue_date: text, driver_data_issue: text,
    cust_id: text, policy_type: text, product: text, pol_eff_date: z.string(), pol_expiry_date: z.string(),
    sum_insured: nullableNumber, premium: nullableNumber, deductable: nullableNumber,
    borough: text, neighborhood: text, zip_code: text, drv_dob: text,
    make: text, model: text, model_year: nullableNumber, body: text, chassis_no: text, use_of_vehicle: text,
    image_name: text, damage_score: nullableNumber, assessed_severity: text,
    points_in_incident_hour: count, speed_near_incident: nullableNumber, incident_latitude: nullableNumber, incident_longitude: nullableNumber,
    telematics_window_start: text, telematics_window_end: text, next_best_action: z.string(),
  }),
  sql: (table) => `
    SELECT claim_no, policy_no, policy_no_raw, renewal_no, CAST(claim_date AS STRING) AS claim_date,
      CAST(incident_date AS STRING) AS incident_date, incident_hour, incident_type, incident_severity, collision_type,
      vehicles_involved, number_of_witnesses, suspicious_activity, months_as_customer,
      amount_total, amount_injury, amount_property, amount_vehicle, lae,
      driver_age, driver_insured_relationship, CAST(driver_license_issue_date AS STRING) AS driver_license_issue_date, driver_data_issue,
      cust_id, policy_type, product, CAST(pol_eff_date AS STRING) AS pol_eff_date, CAST(pol_expiry_date AS STRING) AS pol_expiry_date,
      sum_insured, premium, deductable, borough, neighborhood, zip_code, CAST(drv_dob AS STRING) AS drv_dob,
      make, model, model_year, body, chassis_no, use_of_vehicle,
      image_name, damage_score, assessed_severity,
      points_in_incident_hour, speed_near_incident, incident_latitude, incident_longitude,
      CAST(telematics_window_start AS STRING) AS telematics_window_start, CAST(telematics_window_end AS STRING) AS telematics_window_end,
      next_best_action
    FROM ${table("claims")}
    WHERE claim_no = CAST(:claimNo AS STRING)`,
});

/**
 * Every active rule's result for one claim, with what was compared. An index lookup on the claim number alone:
 * the rules' names and descriptions come from the rules read once per build (getActiveRules), not a join here.
 */
export const getClaimChecks = defineQuery({
  name: "getClaimChecks",
  parameters: z.object({ claimNo: z.string().min(1).max(40) }),
  row: z.object({ rule_id: z.string(), passed: z.boolean().nullable(), expected: text, actual: text }),
  sql: (table) => `
    SELECT rule_id, passed, expected, actual
    FROM ${table("claim_rule_results")}
    WHERE claim_no = CAST(:claimNo AS STRING)`,
});

/** Where and when to look for a claim's trip: just the vehicle and the window, not the whole case. */
export const getClaimTripWindow = defineQuery({
  name: "getClaimTripWindow",
  parameters: z.object({ claimNo: z.string().min(1).max(40) }),
  row: z.object({ chassis_no: z.string().nullable(), telematics_window_start: z.string().nullable(), telematics_window_end: z.string().nullable() }),
  sql: (table) => `
    SELECT chassis_no, CAST(telematics_window_start AS STRING) AS telematics_window_start, CAST(telematics_window_end AS STRING) AS telematics_window_end
    FROM ${table("claims")}
    WHERE claim_no = CAST(:claimNo AS STRING)`,
});

/** The vehicle's telematics points in the claim's trip window, in time order. */
export const getClaimTelematics = defineQuery({
  name: "getClaimTelematics",
  parameters: z.object({ chassisNo: z.string().min(1).max(40), windowStart: z.string(), windowEnd: z.string() }),
  row: z.object({ ts: z.string(), latitude: z.number(), longitude: z.number(), speed: nullableNumber }),
  sql: (table) => `
    SELECT CAST(event_ts AS STRING) AS ts, latitude, longitude, speed
    FROM ${table("telematics")}
    WHERE chassis_no = CAST(:chassisNo AS STRING)
      AND event_ts >= CAST(:windowStart AS TIMESTAMP) AND event_ts < CAST(:windowEnd AS TIMESTAMP)
    ORDER BY event_ts
    LIMIT 5000`,
});
