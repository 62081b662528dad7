import { DECISIONS, type ClaimsResponse, type Decision } from "@/lib/api/claimsSchema";
import type { ClaimsFilterPatch, ClaimsFilters } from "./queueParams";

export type DecisionValue = (typeof DECISIONS)[number];

export const decisionLabels = {
  release_funds: "Release funds",
  investigate: "Investigate further",
  refer_fraud: "Refer to fraud unit",
  deny: "Deny",
} as const satisfies Record<DecisionValue, string>;

/** How a recorded decision reads in a list: what was done, not what to do. */
export const decisionPastLabels = {
  release_funds: "Funds released",
  investigate: "Under investigation",
  refer_fraud: "Referred to fraud unit",
  deny: "Denied",
} as const satisfies Record<DecisionValue, string>;

export const decisionHints = {
  release_funds: "Pay the claim. A note is optional.",
  investigate: "Keep the claim open for more evidence.",
  refer_fraud: "Hand the claim to the fraud unit.",
  deny: "Refuse the claim.",
} as const satisfies Record<DecisionValue, string>;

export function noteRequired(decision: DecisionValue): boolean {
  return decision !== "release_funds";
}

export function describeDecision(decision: Decision): string {
  return decisionPastLabels[decision.decision];
}

/** Next best action as the gold tables spell it ("release funds", "investigate"), for people. */
export function formatNextBestAction(action: string): string {
  if (action === "release funds") return "Release funds";
  if (action === "investigate") return "Investigate";
  return action;
}

type Counters = ClaimsResponse["counters"];

export type CounterDefinition = {
  key: keyof Counters;
  label: string;
  hint: string;
  /** The queue filter the counter stands for; empty for "all claims". */
  filter: ClaimsFilterPatch;
  isActive: (filters: ClaimsFilters) => boolean;
  tone: "neutral" | "warning" | "danger";
};

const none = (filters: ClaimsFilters) =>
  filters.failedCheck === null && filters.suspicious === null && filters.nextBestAction === null && filters.decisionStatus === null;

export const COUNTERS: readonly CounterDefinition[] = [
  { key: "claims", label: "Claims", hint: "Every claim matching the period and filters", filter: {}, isActive: none, tone: "neutral" },
  {
    key: "suspicious",
    label: "Suspicious",
    hint: "Flagged as suspicious activity when reported",
    filter: { suspicious: true },
    isActive: (f) => f.suspicious === true,
    tone: "danger",
  },
  {
    key: "policyNotInForce",
    label: "Policy not in force",
    hint: "Failed check: incident outside the policy term",
    filter: { failedCheck: "policy_in_force" },
    isActive: (f) => f.failedCheck === "policy_in_force",
    tone: "danger",
  },
  {
    key: "severityMismatch",
    label: "Severity mismatch",
    hint: "Failed check: assessed severity differs from the reported one",
    filter: { failedCheck: "severity_consistent" },
    isActive: (f) => f.failedCheck === "severity_consistent",
    tone: "danger",
  },
  {
    key: "exceedsCover",
    label: "Exceeds cover",
    hint: "Failed check: claimed total above the sum insured",
    filter: { failedCheck: "amount_within_cover" },
    isActive: (f) => f.failedCheck === "amount_within_cover",
    tone: "danger",
  },
  {
    key: "needsInvestigation",
    label: "Needs investigation",
    hint: "Next best action is to investigate: a check failed or could not be made",
    filter: { nextBestAction: "investigate" },
    isActive: (f) => f.nextBestAction === "investigate",
    tone: "warning",
  },
  {
    key: "undecided",
    label: "Undecided",
    hint: "No decision recorded yet",
    filter: { decisionStatus: "undecided" },
    isActive: (f) => f.decisionStatus === "undecided",
    tone: "neutral",
  },
];

/**
 * A rule's expected or actual value for reading: the pipeline casts amounts to text as "36300.0" and writes
 * comparisons as "<=". Whole numbers lose the ".0" and gain thousands separators; dates and scores are left alone.
 */
export function formatRuleValue(value: string): string {
  return value
    .replaceAll("<=", "≤")
    .replaceAll(">=", "≥")
    .replace(/(?<![\d.:-])(\d+)\.0+(?![\d.:-])/g, (_, whole: string) => Number(whole).toLocaleString("en-US"));
}
