import { DECISIONS } from "@/lib/api/claimsSchema";
import type { DecisionValue } from "./labels";

// A decision being written is kept in sessionStorage (this tab only) until the server has it, so a reload,
// a lost connection or a refused submit never loses the investigator's note.

export type DecisionDraft = {
  decision: DecisionValue | null;
  note: string;
  /** The claim's decision version the draft was started on; a newer one means someone decided meanwhile. */
  baseVersion: number;
};

const key = (claimNo: string) => `goldlens:decision-draft:${claimNo}`;

export function loadDraft(claimNo: string): DecisionDraft | null {
  try {
    const raw = window.sessionStorage.getItem(key(claimNo));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null) return null;
    const { decision, note, baseVersion } = parsed as Record<string, unknown>;
    if (typeof note !== "string" || typeof baseVersion !== "number" || !Number.isInteger(baseVersion) || baseVersion < 0) return null;
    const known = DECISIONS.find((d) => d === decision) ?? null;
    return { decision: known, note, baseVersion };
  } catch {
    // Storage switched off or full: the draft lives in memory only.
    return null;
  }
}

export function saveDraft(claimNo: string, draft: DecisionDraft): void {
  try {
    if (draft.decision === null && draft.note.trim() === "") window.sessionStorage.removeItem(key(claimNo));
    else window.sessionStorage.setItem(key(claimNo), JSON.stringify(draft));
  } catch {
    // As above: nothing more can be done without storage.
  }
}

export function clearDraft(claimNo: string): void {
  try {
    window.sessionStorage.removeItem(key(claimNo));
  } catch {
    // As above.
  }
}

/** An idempotency key the API accepts: 32 hex digits. */
export function newIdempotencyKey(): string {
  // getRandomValues rather than randomUUID: the latter exists only on https and localhost pages.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
