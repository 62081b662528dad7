import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { toClaimsQuery, type ClaimsFilters } from "@/components/claims/queueParams";
import { claimsQueueOptions } from "./useClaimsQueue";

export type Neighbour = { claimNo: string; page: number };

export type ClaimNeighbours = {
  status: "loading" | "ready" | "error";
  previous: Neighbour | null;
  next: Neighbour | null;
  /** 1-based place of the claim in the queue, null when it is not (or no longer) in it. */
  position: number | null;
  total: number | null;
  /** The claim has left the queue since it was opened (deciding it can do that). */
  leftQueue: boolean;
};

function pageOptions(filters: ClaimsFilters, page: number) {
  // A neighbour looked up in another page's rows would be the wrong claim: no placeholder here.
  return { ...claimsQueueOptions(toClaimsQuery({ ...filters, page })), placeholderData: undefined };
}

/**
 * The claims before and after this one in the queue it was opened from (the queue's filters, sort and page
 * ride along in the case URL), reaching into the adjacent page at either end. When the claim drops out of
 * the queue (decided, under an "undecided" filter), its neighbours are the claims around the place it held.
 */
export function useClaimNeighbours(claimNo: string, filters: ClaimsFilters): ClaimNeighbours {
  const { page, pageSize } = filters;
  const current = useQuery(pageOptions(filters, page));
  const rows = current.data?.rows;
  const total = current.data?.total ?? null;
  const found = rows ? rows.findIndex((row) => row.claimNo === claimNo) : -1;

  const [remembered, setRemembered] = useState<{ claimNo: string; index: number } | null>(null);
  useEffect(() => {
    if (found >= 0) setRemembered({ claimNo, index: found });
  }, [claimNo, found]);

  const slot = found >= 0 ? found : remembered?.claimNo === claimNo ? remembered.index : null;
  const previousIndex = slot === null ? null : slot - 1;
  const nextIndex = slot === null ? null : found >= 0 ? found + 1 : slot;

  const needsPreviousPage = rows !== undefined && previousIndex !== null && previousIndex < 0 && page > 1;
  const needsNextPage = rows !== undefined && nextIndex !== null && nextIndex >= rows.length && total !== null && page * pageSize < total;
  const previousPage = useQuery({ ...pageOptions(filters, page - 1), enabled: needsPreviousPage });
  const nextPage = useQuery({ ...pageOptions(filters, page + 1), enabled: needsNextPage });

  let previous: Neighbour | null = null;
  if (rows && previousIndex !== null) {
    if (previousIndex >= 0) previous = rows[previousIndex] ? { claimNo: rows[previousIndex].claimNo, page } : null;
    else if (needsPreviousPage) {
      const last = previousPage.data?.rows.at(-1);
      previous = last ? { claimNo: last.claimNo, page: page - 1 } : null;
    }
  }
  let next: Neighbour | null = null;
  if (rows && nextIndex !== null) {
    if (nextIndex < rows.length) next = { claimNo: rows[nextIndex]!.claimNo, page };
    else if (needsNextPage) {
      const first = nextPage.data?.rows[nextIndex - rows.length];
      next = first ? { claimNo: first.claimNo, page: page + 1 } : null;
    }
  }

  const adjacentLoading = (needsPreviousPage && previousPage.isPending) || (needsNextPage && nextPage.isPending);
  return {
    status: current.isError ? "error" : current.isPending || adjacentLoading ? "loading" : "ready",
    previous,
    next,
    position: found >= 0 ? (page - 1) * pageSize + found + 1 : null,
    total,
    leftQueue: found < 0 && slot !== null,
  };
}
