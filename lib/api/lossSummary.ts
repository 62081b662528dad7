import "server-only";
import type { Warehouse } from "../warehouse/types";
import { getLossKpis } from "../queries/getLossKpis";
import { getLossTrend } from "../queries/getLossTrend";
import { getIncidentMix } from "../queries/getIncidentMix";
import { getClaimsByHour } from "../queries/getClaimsByHour";
import { getClaimProfile } from "../queries/getClaimProfile";
import { getBoroughLossRatios, getPolicyZipCounts, getPolicyZipPlaces } from "../queries/getPolicyMap";
import { getLossFilterOptions } from "../queries/getLossFilterOptions";
import { ApiError } from "./errors";
import { liveGoldStatus } from "./goldStatus";
import { lossSummaryResponse, type LossKpis, type LossSummaryQuery, type LossSummaryResponse } from "./lossSummarySchema";
import { defaultPeriod, previousPeriod } from "./periods";
import { perBuild } from "./perBuild";

type KpiRow = Awaited<ReturnType<typeof getLossKpis.run>>[number];

function toKpis(row: KpiRow | undefined): LossKpis {
  return {
    lossRatio: { total: row?.loss_ratio ?? null, property: row?.property_loss_ratio ?? null, liability: row?.liability_loss_ratio ?? null },
    earnedPremium: row?.earned_premium ?? 0,
    incurredLosses: row?.incurred_losses ?? 0,
    lae: row?.lae ?? 0,
    claimCount: row?.claim_count ?? 0,
    claimFrequency: row?.claim_frequency ?? null,
  };
}

/** Resolves a filter value to the canonical spelling in the data, case-insensitively; unknown values are a 400. */
function canonical(name: string, value: string | undefined, allowed: string[]): string | null {
  if (value === undefined) return null;
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!match) throw new ApiError("invalid_parameter", `${name}: unknown value '${value}'`);
  return match;
}

/** The values each policy filter may take: three DISTINCT scans of premium_daily, so once per gold build. */
const lossFilterOptions = perBuild(async (warehouse) => {
  const rows = await getLossFilterOptions.run(warehouse, {});
  return {
    policyTypes: rows.filter((r) => r.dimension === "policy_type").map((r) => r.value),
    boroughs: rows.filter((r) => r.dimension === "borough").map((r) => r.value),
    makes: rows.filter((r) => r.dimension === "make").map((r) => r.value),
  };
});

/** Each place of the policy map (zip code and borough) by its gold place_id: the same for every request of a build. */
const zipPlaces = perBuild(async (warehouse) => {
  const rows = await getPolicyZipPlaces.run(warehouse, {});
  return new Map(rows.map((r) => [r.place_id, r]));
});

/** Everything the Loss Summary page shows, in one response (one HTTP request for the whole page). */
export async function buildLossSummary(warehouse: Warehouse, query: LossSummaryQuery, signal?: AbortSignal): Promise<LossSummaryResponse> {
  const opts = { signal };
  // The period and the canonical filters need both; after the first request of a build they are already known.
  const [status, options, places] = await Promise.all([liveGoldStatus(warehouse), lossFilterOptions(warehouse), zipPlaces(warehouse)]);
  if (!status) throw new ApiError("no_gold_build", "The gold build has no build information.");
  const period = query.from && query.to ? { from: query.from, to: query.to } : defaultPeriod(status.claims_as_of);
  const previous = previousPeriod(period);
  const filters = {
    policyType: canonical("policyType", query.policyType, options.policyTypes),
    borough: canonical("borough", query.borough, options.boroughs),
    make: canonical("make", query.make, options.makes),
    incidentType: query.incidentType ?? null,
    severity: query.severity ?? null,
    hour: query.hour ?? null,
  };
  const params = { ...period, ...filters };
  const [[kpis], [previousKpis], trend, mix, hours, profile, zipCounts, boroughs] = await Promise.all([
    getLossKpis.run(warehouse, params, opts),
    getLossKpis.run(warehouse, { ...params, ...previous }, opts),
    getLossTrend.run(warehouse, params, opts),
    getIncidentMix.run(warehouse, params, opts),
    getClaimsByHour.run(warehouse, params, opts),
    getClaimProfile.run(warehouse, params, opts),
    getPolicyZipCounts.run(warehouse, params, opts),
    getBoroughLossRatios.run(warehouse, params, opts),
  ]);

  const damage = new Map<string, { property: number; liability: number; claims: number }>();
  for (const r of mix) {
    const d = damage.get(r.incident_type) ?? { property: 0, liability: 0, claims: 0 };
    damage.set(r.incident_type, { property: d.property + r.property, liability: d.liability + r.liability, claims: d.claims + r.claims });
  }

  // The route sends only what this schema accepts: the response is validated on the way out.
  return lossSummaryResponse.parse({
    asOf: { buildId: status.build_id, builtAt: status.built_at, claimsAsOf: status.claims_as_of },
    period,
    previousPeriod: previous,
    filters,
    kpis: toKpis(kpis),
    previous: toKpis(previousKpis),
    trend: trend.map((r) => ({
      month: r.month.slice(0, 7),
      earnedPremium: r.earned_premium,
      incurredLosses: r.incurred_losses,
      lossRatio: r.loss_ratio,
      claimCount: r.claim_count,
    })),
    incidentsByTypeSeverity: mix.map((r) => ({ incidentType: r.incident_type, severity: r.severity, claims: r.claims })),
    damageByType: [...damage].map(([incidentType, d]) => ({ incidentType, ...d })),
    byHour: hours.map((r) => ({ hour: r.hour, claims: r.claims, incurredLosses: r.incurred_losses })),
    driverAge: profile.filter((r) => r.dimension === "driver_age").map((r) => ({ band: r.bucket, claims: r.claims })),
    modelYear: profile.filter((r) => r.dimension === "model_year").map((r) => ({ modelYear: Number(r.bucket), claims: r.claims })),
    map: {
      zips: zipCounts
        .flatMap((c) => {
          const place = places.get(c.place_id);
          return place ? [{ zip: place.zip, borough: place.borough, neighborhood: place.neighborhood, latitude: place.latitude, longitude: place.longitude, policies: c.policies }] : [];
        })
        .sort((a, b) => a.zip.localeCompare(b.zip) || a.borough.localeCompare(b.borough)),
      boroughs: boroughs.map((r) => ({
        borough: r.borough,
        earnedPremium: r.earned_premium,
        incurredLosses: r.incurred_losses,
        lossRatio: r.loss_ratio,
        claimCount: r.claim_count,
      })),
    },
    options,
  });
}
