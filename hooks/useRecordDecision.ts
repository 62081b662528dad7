import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { conflictBody, decisionSchema, type ClaimDetailResponse, type Decision, type DecisionRequest } from "@/lib/api/claimsSchema";
import { ClaimsApiError, readClaimsApi } from "./claimsApi";

const recordedBody = z.object({ decision: decisionSchema, replayed: z.boolean() }).strict();

export type DecisionOutcome =
  | { kind: "recorded"; decision: Decision; replayed: boolean }
  /** Someone decided the claim after the version this decision was made on. */
  | { kind: "conflict"; current: Decision; message: string };

async function postDecision(claimNo: string, request: DecisionRequest): Promise<DecisionOutcome> {
  const response = await fetch(`/api/claims/${encodeURIComponent(claimNo)}/decisions`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(request),
  });
  if (response.status === 409) {
    const parsed = conflictBody.safeParse(await response.json().catch(() => null));
    if (parsed.success) return { kind: "conflict", current: parsed.data.current, message: parsed.data.error.message };
    throw new ClaimsApiError(409, "conflict", "This claim was decided by someone else meanwhile. Reload it to see their decision.");
  }
  const recorded = await readClaimsApi(response, recordedBody, "record decision");
  return { kind: "recorded", ...recorded };
}

/** POST /api/claims/{claimNo}/decisions; the claim and every queue page are refreshed once it lands. */
export function useRecordDecision(claimNo: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ["record-decision", claimNo],
    mutationFn: (request: DecisionRequest) => postDecision(claimNo, request),
    // Never retried automatically: the investigator decides whether to send it again (with the same key).
    retry: false,
    onSuccess: (outcome) => {
      if (outcome.kind !== "recorded") return;
      // On screen at once; the refetch below confirms it.
      queryClient.setQueryData<ClaimDetailResponse>(["claim", claimNo], (old) =>
        old ? { ...old, decision: outcome.decision, history: [outcome.decision, ...old.history.filter((d) => d.id !== outcome.decision.id)] } : old,
      );
    },
    // Not awaited: the caller learns the outcome first, so it can move its own version on before newer data lands.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ["claim", claimNo] });
      void queryClient.invalidateQueries({ queryKey: ["claims"] });
    },
  });
}
