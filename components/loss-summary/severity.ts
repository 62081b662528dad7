import { INCIDENT_TYPES, SEVERITIES } from "@/lib/api/lossSummaryValues";
import type { ChartColor } from "@/components/charts/palette";

export type Severity = (typeof SEVERITIES)[number];
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** Worst first, as the stacks and legends read. */
export const SEVERITIES_WORST_FIRST = [...SEVERITIES].reverse() as Severity[];

export const severityColors = {
  "Total Loss": "totalLoss",
  "Major Damage": "majorDamage",
  "Minor Damage": "minorDamage",
  "Trivial Damage": "trivialDamage",
} as const satisfies Record<Severity, ChartColor>;

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

export function isIncidentType(value: string): value is IncidentType {
  return (INCIDENT_TYPES as readonly string[]).includes(value);
}
