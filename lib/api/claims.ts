import "server-only";
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import type { Warehouse } from "../warehouse/types";
import { claimCountersQuery } from "../queries/getClaimCounters";
import { checkColumn, getActiveRules } from "../queries/claimRules";
import { claimsQueueQuery, type QueueParams } from "../queries/getClaimsQueue";
import { getClaimChecks, getClaimDetail, getClaimTelematics, getClaimTripWindow } from "../queries/getClaimDetail";
import { decidedClaimNos, decisionHistory, latestDecisionsFor } from "../decisions";
import { ApiError } from "./errors";
import { cachedBuilder } from "./cachedJsonRoute";
import { perBuild } from "./perBuild";
import { claimDetailResponse, claimsResponse, type ClaimDetailResponse, type ClaimsQuery, type ClaimsResponse } from "./claimsSchema";

/** Whether gold holds a claim with this number. */
export async function claimExists(warehouse: Warehouse, claimNo: string, signal?: AbortSignal): Promise<boolean> {
  const rows = await warehouse.query({
    name: "claimExists",
    sql: `SELECT count(*) AS n FROM ${warehouse.table("claims")} WHERE claim_no = CAST(:claimNo AS STRING)`,
    params: { claimNo },
    row: z.object({ n: z.coerce.number() }),
    signal,
  });
  return (rows[0]?.n ?? 0) > 0;
}

/** The active claim rules: a gold table, so they change only with the build. */
const activeRules = perBuild((warehouse) => getActiveRules.run(warehouse, {}));

type QueueBase = {
  from: string | null;
  to: string | null;
  policyType: string | null;
  borough: string | null;
  make: string | null;
  incidentType: string | null;
  severity: string | null;
  hour: number | null;
  q: string | null;
  decidedJson: string;
};

// Gold is immutable within a build, and the decided claims are part of the key: a new decision changes
// `decidedJson`, so an answer that counted that claim as undecided is never served again. The counters
// ignore sort and page, so paging through the queue reads them once.
const cachedCounters = cachedBuilder("claims.counters", async (warehouse, query: { ruleIds: string[]; base: QueueBase }, signal) => {
  const [row] = await claimCountersQuery(query.ruleIds).run(warehouse, query.base, { signal });
  return { row };
});

type QueuePage = { ruleIds: string[]; sort: ClaimsQuery["sort"]; dir: ClaimsQuery["dir"]; failedCheck: string | null; params: QueueParams };

const cachedQueuePage = cachedBuilder("claims.queue", async (warehouse, query: QueuePage, signal) => ({
  rows: await claimsQueueQuery(query.sort, query.dir, query.ruleIds, query.failedCheck).run(warehouse, query.params, { signal }),
}));

/** One page of the claims queue with its counters; decisions come from the app database. */
export async function buildClaimsQueue(warehouse: Warehouse, prisma: PrismaClient, query: ClaimsQuery, signal?: AbortSignal): Promise<ClaimsResponse> {
  const [decided, rules, buildId] = await Promise.all([decidedClaimNos(prisma), activeRules(warehouse), warehouse.buildId()]);
  const base: QueueBase = {
    from: query.from ?? null,
    to: query.to ?? null,
    policyType: query.policyType ?? null,
    borough: query.borough ?? null,
    make: query.make ?? null,
    incidentType: query.incidentType ?? null,
    severity: query.severity ?? null,
    hour: query.hour ?? null,
    q: query.q ?? null,
    decidedJson: JSON.stringify(decided),
  };
  if (query.failedCheck && !rules.some((r) => r.id === query.failedCheck)) {
    throw new ApiError("invalid_parameter", `failedCheck: unknown rule '${query.failedCheck}'`);
  }
  const ruleIds = rules.map((r) => r.id);
  const [countersAnswer, pageAnswer] = await Promise.all([
    cachedCounters(warehouse, buildId, { ruleIds, base }, signal),
    cachedQueuePage(
      warehouse,
      buildId,
      {
        ruleIds,
        sort: query.sort,
        dir: query.dir,
        failedCheck: query.failedCheck ?? null,
        params: {
          ...base,
          suspicious: query.suspicious ?? null,
          nextBestAction: query.nextBestAction ?? null,
          decisionStatus: query.decisionStatus ?? null,
          limit: query.pageSize,
          offset: (query.page - 1) * query.pageSize,
        },
      },
      signal,
    ),
  ]);
  const counters = countersAnswer.value().row;
  const rows = pageAnswer.value().rows;
  const byClaim = new Map<string, ClaimsResponse["rows"][number]>();
  for (const r of rows) {
    const checks = rules.map((rule) => ({ id: rule.id, name: rule.name, passed: (r as Record<string, unknown>)[checkColumn(rule.id)] as boolean | null }));
    byClaim.set(r.claim_no, {
      claimNo: r.claim_no,
      policyNo: r.policy_no,
      incidentDate: r.incident_date,
      incidentType: r.incident_type,
      reportedSeverity: r.incident_severity,
      assessedSeverity: r.assessed_severity,
      amountTotal: r.amount_total,
      suspicious: r.suspicious_activity,
      checks,
      nextBestAction: r.next_best_action,
      decision: null,
    });
  }
  const decisions = await latestDecisionsFor(prisma, [...byClaim.keys()]);
  for (const row of byClaim.values()) row.decision = decisions.get(row.claimNo) ?? null;
  return claimsResponse.parse({
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    counters: {
      claims: counters?.claims ?? 0,
      suspicious: counters?.suspicious ?? 0,
      policyNotInForce: counters?.policy_not_in_force ?? 0,
      severityMismatch: counters?.severity_mismatch ?? 0,
      exceedsCover: counters?.exceeds_cover ?? 0,
      needsInvestigation: counters?.needs_investigation ?? 0,
      undecided: counters?.undecided ?? 0,
    },
    rules: rules.map((r) => ({ id: r.id, name: r.name })),
    rows: [...byClaim.values()],
  });
}

/** Everything the case page shows about one claim (personal data: callers audit the view). */
export async function buildClaimDetail(warehouse: Warehouse, prisma: PrismaClient, claimNo: string, signal?: AbortSignal): Promise<ClaimDetailResponse> {
  const [[c], results, rules, history] = await Promise.all([
    getClaimDetail.run(warehouse, { claimNo }, { signal }),
    getClaimChecks.run(warehouse, { claimNo }, { signal }),
    activeRules(warehouse),
    decisionHistory(prisma, claimNo),
  ]);
  if (!c) throw new ApiError("not_found", `No claim ${claimNo}.`);
  const resultOf = new Map(results.map((r) => [r.rule_id, r]));
  // In the rules' order (high severity first); gold has a result for every active rule of its build.
  const checks = rules.flatMap((rule) => {
    const r = resultOf.get(rule.id);
    return r ? [{ id: rule.id, name: rule.name, description: rule.description, severity: rule.severity, passed: r.passed, expected: r.expected, actual: r.actual }] : [];
  });
  return claimDetailResponse.parse({
    claim: {
      claimNo: c.claim_no,
      policyNoRaw: c.policy_no_raw,
      claimDate: c.claim_date,
      incidentDate: c.incident_date,
      incidentHour: c.incident_hour,
      incidentType: c.incident_type,
      reportedSeverity: c.incident_severity,
      collisionType: c.collision_type,
      vehiclesInvolved: c.vehicles_involved,
      witnesses: c.number_of_witnesses,
      suspicious: c.suspicious_activity,
      monthsAsCustomer: c.months_as_customer,
      amounts: { total: c.amount_total, injury: c.amount_injury, property: c.amount_property, vehicle: c.amount_vehicle, lae: c.lae },
      driverDataIssue: c.driver_data_issue,
    },
    policy: {
      policyNo: c.policy_no,
      renewalNo: c.renewal_no,
      custId: c.cust_id,
      policyType: c.policy_type,
      product: c.product,
      effDate: c.pol_eff_date,
      expiryDate: c.pol_expiry_date,
      sumInsured: c.sum_insured,
      premium: c.premium,
      deductible: c.deductable,
      borough: c.borough,
      neighborhood: c.neighborhood,
      zipCode: c.zip_code,
    },
    driver: { age: c.driver_age, relationship: c.driver_insured_relationship, licenseIssueDate: c.driver_license_issue_date, dateOfBirth: c.drv_dob },
    vehicle: { make: c.make, model: c.model, modelYear: c.model_year, body: c.body, chassisNo: c.chassis_no, use: c.use_of_vehicle },
    assessment: {
      checks,
      nextBestAction: c.next_best_action,
      damageScore: c.damage_score,
      assessedSeverity: c.assessed_severity,
      speedNearIncident: c.speed_near_incident,
    },
    images: c.image_name
      ? [{ name: c.image_name, url: `/api/claims/${encodeURIComponent(c.claim_no)}/images/${encodeURIComponent(c.image_name)}`, assessedSeverity: c.assessed_severity, score: c.damage_score, illustrative: true }]
      : [],
    telematics: {
      windowStart: c.telematics_window_start,
      windowEnd: c.telematics_window_end,
      pointsInIncidentHour: c.points_in_incident_hour,
      incidentLatitude: c.incident_latitude,
      incidentLongitude: c.incident_longitude,
    },
    decision: history[0] ?? null,
    history,
  });
}

export interface TelematicsCollection {
  type: "FeatureCollection";
  features: Array<
    | { type: "Feature"; geometry: { type: "LineString"; coordinates: Array<[number, number]> }; properties: { kind: "path"; start: string; end: string } }
    | { type: "Feature"; geometry: { type: "Point"; coordinates: [number, number] }; properties: { kind: "point"; seq: number; ts: string; speed: number | null } }
  >;
}

/** The vehicle's trip window around the incident as GeoJSON: the path as a line, and each point with time and speed. */
export async function buildClaimTelematics(warehouse: Warehouse, claimNo: string, signal?: AbortSignal): Promise<TelematicsCollection> {
  const [c] = await getClaimTripWindow.run(warehouse, { claimNo }, { signal });
  if (!c) throw new ApiError("not_found", `No claim ${claimNo}.`);
  if (!c.chassis_no || !c.telematics_window_start || !c.telematics_window_end) return { type: "FeatureCollection", features: [] };
  const points = await getClaimTelematics.run(warehouse, { chassisNo: c.chassis_no, windowStart: c.telematics_window_start, windowEnd: c.telematics_window_end }, { signal });
  if (points.length === 0) return { type: "FeatureCollection", features: [] };
  return {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        geometry: { type: "LineString", coordinates: points.map((p) => [p.longitude, p.latitude]) },
        properties: { kind: "path", start: points[0]!.ts, end: points[points.length - 1]!.ts },
      },
      ...points.map((p, seq) => ({
        type: "Feature" as const,
        geometry: { type: "Point" as const, coordinates: [p.longitude, p.latitude] as [number, number] },
        properties: { kind: "point" as const, seq, ts: p.ts, speed: p.speed },
      })),
    ],
  };
}
