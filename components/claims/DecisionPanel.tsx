"use client";

import Link from "next/link";
import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent } from "react";
import { ClaimsApiError } from "@/hooks/claimsApi";
import { useRecordDecision } from "@/hooks/useRecordDecision";
import { DECISIONS, type ClaimDetailResponse, type Decision } from "@/lib/api/claimsSchema";
import { formatTimestamp } from "@/lib/format";
import { decisionHints, decisionLabels, decisionPastLabels, noteRequired, type DecisionValue } from "./labels";
import { clearDraft, loadDraft, newIdempotencyKey, saveDraft, type DecisionDraft } from "./noteDraft";
import { Panel, buttonClass } from "./Panel";

const NOTE_MAX = 4000;

type Feedback = { kind: "saved"; decision: Decision; replayed: boolean } | { kind: "error"; message: string } | null;

function errorMessage(error: unknown): string {
  if (!(error instanceof ClaimsApiError)) return "Not saved: the server could not be reached. Your note is kept here; submit again when the connection is back.";
  if (error.status === 401) return "Not saved: your session has ended. Sign in again in another tab, then submit here: your note is kept.";
  if (error.status >= 500) return `Not saved: ${error.message} Your note is kept; submit again to retry.`;
  return `Not saved: ${error.message}`;
}

/**
 * Records a decision on the version of the claim the investigator is looking at. A decision someone else
 * recorded meanwhile is never overwritten: the API answers 409 with it, and this panel shows it and lets the
 * investigator review it and resubmit with the note they typed.
 */
export function DecisionPanel({
  claimNo,
  detail,
  viewerEmail,
  nextHref,
  onRefresh,
}: {
  claimNo: string;
  detail: ClaimDetailResponse;
  viewerEmail: string | null;
  /** The next claim in the queue, offered once the decision is saved. */
  nextHref: string | null;
  onRefresh: () => void;
}) {
  const latest = detail.decision;
  const [draft, setDraft] = useState<DecisionDraft>({ decision: null, note: "", baseVersion: latest?.version ?? 0 });
  // The saved draft lives in this tab's storage, which the server's render of the page cannot read: it is
  // restored before the first paint in the browser, and saving starts only once it has been.
  const [restored, setRestored] = useState(false);
  useLayoutEffect(() => {
    const saved = loadDraft(claimNo);
    if (saved) setDraft(saved);
    setRestored(true);
  }, [claimNo]);
  const [conflict, setConflict] = useState<Decision | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [showValidation, setShowValidation] = useState(false);
  const mutation = useRecordDecision(claimNo);
  const inFlight = useRef(false);
  // The key of the last attempt whose outcome is unknown (no answer, or a 5xx): sending the same decision
  // again reuses it, so the server records it once however many times it arrives.
  const pendingAttempt = useRef<{ signature: string; key: string } | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const choicesRef = useRef<HTMLFieldSetElement>(null);
  const noteId = useId();
  const noteHintId = useId();
  const validationId = useId();

  useEffect(() => {
    if (restored) saveDraft(claimNo, draft);
  }, [claimNo, draft, restored]);

  // The newest decision the investigator has not seen yet: from a 409, or from a refresh of the claim.
  const candidates = [conflict, latest].filter((d): d is Decision => d !== null && d.version > draft.baseVersion);
  const newer = candidates.sort((a, b) => b.version - a.version)[0] ?? null;

  const noteIsRequired = draft.decision !== null && noteRequired(draft.decision);
  const noteMissing = noteIsRequired && draft.note.trim() === "";
  const validation = !showValidation ? null : draft.decision === null ? "Choose a decision." : noteMissing ? "Add a note: it is required unless funds are released." : null;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (inFlight.current || newer) return;
    if (draft.decision === null || noteMissing) {
      setShowValidation(true);
      if (draft.decision === null) choicesRef.current?.querySelector("input")?.focus();
      else noteRef.current?.focus();
      return;
    }
    const note = draft.note.trim();
    const body = { decision: draft.decision, ...(note ? { note } : {}), expectedVersion: draft.baseVersion };
    const signature = JSON.stringify(body);
    const idempotencyKey = pendingAttempt.current?.signature === signature ? pendingAttempt.current.key : newIdempotencyKey();
    pendingAttempt.current = { signature, key: idempotencyKey };
    inFlight.current = true;
    setFeedback(null);
    try {
      const outcome = await mutation.mutateAsync({ ...body, idempotencyKey });
      pendingAttempt.current = null;
      if (outcome.kind === "recorded") {
        clearDraft(claimNo);
        setDraft({ decision: null, note: "", baseVersion: outcome.decision.version });
        setShowValidation(false);
        setConflict(null);
        setFeedback({ kind: "saved", decision: outcome.decision, replayed: outcome.replayed });
      } else {
        setConflict(outcome.current);
      }
    } catch (error) {
      const outcomeUnknown = !(error instanceof ClaimsApiError) || error.status >= 500;
      if (!outcomeUnknown) pendingAttempt.current = null;
      setFeedback({ kind: "error", message: errorMessage(error) });
    } finally {
      inFlight.current = false;
    }
  };

  const reviewAndResubmit = () => {
    if (!newer) return;
    setDraft((d) => ({ ...d, baseVersion: newer.version }));
    setConflict(null);
    setFeedback(null);
    pendingAttempt.current = null;
    onRefresh();
  };

  const discardDraft = () => {
    if (!newer) return;
    clearDraft(claimNo);
    setDraft({ decision: null, note: "", baseVersion: newer.version });
    setConflict(null);
    setFeedback(null);
    setShowValidation(false);
    pendingAttempt.current = null;
  };

  const pending = mutation.isPending;

  return (
    <Panel id="decision" title="Decision" state="loaded" bodyClassName="px-5 pb-5 pt-3 gap-4">
      {/* In a conflict the newer decision is the one to read; the version this view was on would only contradict it. */}
      {newer ? null : <CurrentDecision decision={latest} version={latest?.version ?? 0} />}
      {newer ? (
        <ConflictView newer={newer} viewerEmail={viewerEmail} draft={draft} onReview={reviewAndResubmit} onDiscard={discardDraft} />
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Record a decision" className={`flex flex-col gap-4 ${newer ? "opacity-60" : ""}`}>
        <fieldset ref={choicesRef} disabled={pending || newer !== null} className="flex flex-col gap-2" aria-describedby={validation && draft.decision === null ? validationId : undefined}>
          <legend className="mb-2 text-xs font-medium text-muted">{latest ? "New decision" : "Decision"}</legend>
          {DECISIONS.map((value) => (
            <DecisionChoice
              key={value}
              value={value}
              checked={draft.decision === value}
              onChange={() => {
                setDraft((d) => ({ ...d, decision: value }));
                setFeedback(null);
              }}
            />
          ))}
        </fieldset>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={noteId} className="flex items-baseline justify-between text-xs font-medium text-muted">
            <span>
              Note{" "}
              <span className={noteIsRequired ? "text-foreground" : "font-normal text-subtle"}>
                {draft.decision === null ? "" : noteIsRequired ? "(required)" : "(optional)"}
              </span>
            </span>
            <span className="font-normal tabular-nums text-subtle" aria-hidden="true">
              {draft.note.length > NOTE_MAX - 400 ? `${draft.note.length}/${NOTE_MAX}` : ""}
            </span>
          </label>
          <textarea
            ref={noteRef}
            id={noteId}
            name="note"
            rows={4}
            maxLength={NOTE_MAX}
            value={draft.note}
            disabled={pending || newer !== null}
            required={noteIsRequired}
            aria-invalid={validation !== null && draft.decision !== null && noteMissing}
            aria-describedby={[noteHintId, validation ? validationId : null].filter(Boolean).join(" ")}
            placeholder="What you checked and why you decided so"
            onChange={(event) => {
              setDraft((d) => ({ ...d, note: event.target.value }));
              if (feedback?.kind === "saved") setFeedback(null);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
                event.preventDefault();
                void submit();
              }
            }}
            className="w-full resize-y rounded-md border border-border bg-surface px-2.5 py-2 text-sm leading-5 text-foreground shadow-[inset_0_1px_1px_rgb(0_0_0/0.03)] placeholder:text-subtle hover:border-border-strong disabled:opacity-60 aria-[invalid=true]:border-danger"
          />
          <p id={noteHintId} className="text-[11px] leading-4 text-subtle">
            Kept in this tab until it is saved. Ctrl+Enter submits.
          </p>
        </div>
        {validation ? (
          <p id={validationId} role="alert" className="text-xs font-medium text-danger">
            {validation}
          </p>
        ) : null}
        <button type="submit" disabled={pending || newer !== null} className={`${buttonClass.primary} py-2 text-sm`} aria-describedby={`${noteHintId}`}>
          {pending ? (
            <>
              <span aria-hidden="true" className="size-3 animate-spin rounded-full border-2 border-current border-r-transparent" />
              Recording…
            </>
          ) : draft.decision ? (
            `Record: ${decisionLabels[draft.decision]}`
          ) : (
            "Record decision"
          )}
        </button>
        <div aria-live="polite" data-testid="decision-feedback">
          {feedback?.kind === "saved" ? (
            <div className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-emerald-600/10 px-3 py-2 text-xs leading-5 text-emerald-800 dark:bg-emerald-400/10 dark:text-emerald-300">
              <p data-decision-saved>
                {feedback.replayed ? "Already recorded: " : "Recorded: "}
                <strong className="font-semibold">{decisionPastLabels[feedback.decision.decision]}</strong> (version {feedback.decision.version}).
              </p>
              {nextHref ? (
                <Link href={nextHref} prefetch={false} className="font-semibold text-foreground underline-offset-2 hover:underline" data-testid="next-after-decision">
                  Next claim →
                </Link>
              ) : null}
            </div>
          ) : feedback?.kind === "error" ? (
            <div role="alert" className="flex flex-col items-start gap-2 rounded-md bg-danger/10 px-3 py-2 text-xs leading-5 text-danger">
              <p>{feedback.message}</p>
              <button type="button" onClick={() => void submit()} className={buttonClass.secondary} disabled={pending}>
                Submit again
              </button>
            </div>
          ) : null}
        </div>
      </form>
    </Panel>
  );
}

function DecisionChoice({ value, checked, onChange }: { value: DecisionValue; checked: boolean; onChange: () => void }) {
  const tone = value === "release_funds" ? "accent-emerald-600" : value === "investigate" ? "accent-amber-500" : "accent-[var(--danger)]";
  return (
    <label
      className={`flex cursor-pointer items-start gap-2.5 rounded-lg border px-3 py-2 transition-colors ${
        checked ? "border-accent-strong bg-accent-soft" : "border-border hover:border-border-strong hover:bg-surface-muted"
      }`}
    >
      <input type="radio" name="decision" value={value} checked={checked} onChange={onChange} className={`mt-0.5 size-4 shrink-0 ${tone}`} />
      <span className="flex min-w-0 flex-col">
        <span className="text-sm font-medium text-foreground">{decisionLabels[value]}</span>
        <span className="text-xs leading-4 text-muted">{decisionHints[value]}</span>
      </span>
    </label>
  );
}

function CurrentDecision({ decision, version }: { decision: Decision | null; version: number }) {
  return (
    <div className="rounded-lg bg-surface-muted/70 px-3 py-2.5 text-xs leading-5" data-testid="current-decision" data-version={version}>
      {decision ? (
        <>
          <p className="text-muted">
            Current decision <span className="tabular-nums">· version {decision.version}</span>
          </p>
          <p className="text-sm font-semibold text-foreground">{decisionPastLabels[decision.decision]}</p>
          <p className="text-muted">
            by <span className="text-foreground">{decision.decidedBy}</span>, {formatTimestamp(decision.decidedAt)}
          </p>
        </>
      ) : (
        <>
          <p className="text-muted">Current decision</p>
          <p className="text-sm font-semibold text-foreground">None yet</p>
        </>
      )}
    </div>
  );
}

function ConflictView({
  newer,
  viewerEmail,
  draft,
  onReview,
  onDiscard,
}: {
  newer: Decision;
  viewerEmail: string | null;
  draft: DecisionDraft;
  onReview: () => void;
  onDiscard: () => void;
}) {
  const byViewer = viewerEmail !== null && newer.decidedBy.toLowerCase() === viewerEmail.toLowerCase();
  const hasDraft = draft.decision !== null || draft.note.trim() !== "";
  return (
    <div role="alert" data-testid="decision-conflict" className="flex flex-col gap-3 rounded-lg border border-danger/40 bg-danger/5 px-3.5 py-3 text-xs leading-5">
      <div>
        <p className="text-sm font-semibold text-foreground">{byViewer ? "You decided this claim elsewhere meanwhile" : "Someone decided this claim while you were on it"}</p>
        <p className="mt-1 text-muted">Nothing was saved over it. The decision now on the claim:</p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md bg-surface px-3 py-2">
        <dt className="text-muted">What</dt>
        <dd className="font-semibold text-foreground" data-testid="conflict-decision">
          {decisionPastLabels[newer.decision]} <span className="font-normal text-subtle">(version {newer.version})</span>
        </dd>
        <dt className="text-muted">Who</dt>
        <dd className="break-all text-foreground">{byViewer ? `${newer.decidedBy} (you)` : newer.decidedBy}</dd>
        <dt className="text-muted">When</dt>
        <dd className="text-foreground">{formatTimestamp(newer.decidedAt)}</dd>
        <dt className="text-muted">Note</dt>
        <dd className="whitespace-pre-wrap break-words text-foreground">{newer.note ?? <span className="text-subtle">No note</span>}</dd>
      </dl>
      {hasDraft ? (
        <p className="text-muted">
          Your draft{draft.decision ? ` (${decisionLabels[draft.decision]})` : ""} is kept below. Review the decision above, then resubmit yours if it still stands.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={onReview} className={buttonClass.primary}>
          Review and resubmit
        </button>
        {hasDraft ? (
          <button type="button" onClick={onDiscard} className={buttonClass.secondary}>
            Keep theirs, discard my draft
          </button>
        ) : null}
      </div>
    </div>
  );
}

export function DecisionHistory({ history }: { history: ClaimDetailResponse["history"] }) {
  return (
    <Panel id="decision-history" title="History" state={history.length === 0 ? "empty" : "loaded"}>
      {history.length === 0 ? (
        <p className="text-xs text-muted">No decision has been recorded on this claim.</p>
      ) : (
        <ol className="flex flex-col" aria-label="Decisions, newest first">
          {history.map((decision, i) => (
            <li key={decision.id} data-history-version={decision.version} className="relative flex gap-3 pb-4 last:pb-0">
              {i < history.length - 1 ? <span aria-hidden="true" className="absolute left-[5px] top-4 h-full w-px bg-border" /> : null}
              <span aria-hidden="true" className={`mt-1.5 size-[11px] shrink-0 rounded-full border-2 ${i === 0 ? "border-accent-strong bg-accent" : "border-border-strong bg-surface"}`} />
              <div className="min-w-0 flex-1 text-xs leading-5">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <span className="text-sm font-semibold text-foreground">{decisionPastLabels[decision.decision]}</span>
                  <span className="tabular-nums text-subtle">v{decision.version}</span>
                </p>
                <p className="text-muted">
                  <span className="break-all text-foreground">{decision.decidedBy}</span> · <time dateTime={decision.decidedAt}>{formatTimestamp(decision.decidedAt)}</time>
                </p>
                {decision.note ? <p className="mt-1 whitespace-pre-wrap break-words rounded-md bg-surface-muted/70 px-2.5 py-1.5 text-foreground">{decision.note}</p> : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
