"use client";

import { useState } from "react";

/**
 * Says which parameters of a shared link were not understood, instead of silently showing more than the link
 * meant. `kind` "filter": the figures are not narrowed by them; "value": they fall back to their defaults.
 */
export function IgnoredParamsNotice({ params, names, kind }: { params: readonly string[]; names: Partial<Record<string, string>>; kind: "filter" | "value" }) {
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || params.length === 0) return null;
  const labels = params.map((param) => names[param] ?? param);
  const one = labels.length === 1;
  return (
    <div role="status" className="flex items-start justify-between gap-4 rounded-lg border border-border bg-accent-soft px-4 py-3 text-sm text-foreground">
      <p>
        This link&apos;s {labels.join(", ")} {one ? `${kind} was` : `${kind}s were`} not recognised and {one ? "is" : "are"} ignored
        {kind === "filter" ? `: the figures below are not narrowed by ${one ? "it" : "them"}.` : "."}
      </p>
      <button type="button" onClick={() => setDismissed(true)} className="shrink-0 rounded px-1.5 text-muted hover:text-foreground" aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
