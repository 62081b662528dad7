import "server-only";
import Papa from "papaparse";
import type { PrismaClient } from "../generated/prisma/client";
import type { Warehouse } from "../warehouse/types";
import { buildClaimsQueue } from "./claims";
import { claimCsvColumns, claimCsvRow, EXPORT_CAP } from "./claimsCsv";
import type { ClaimsQuery, ClaimsResponse } from "./claimsSchema";

const PAGE_SIZE = 1_000;

export interface ClaimsExport {
  /** Claims matching the filters, and how many the file holds (at most EXPORT_CAP). */
  total: number;
  rows: number;
  /** The CSV text, page by page; the first chunk carries the byte order mark and the header. */
  chunks: AsyncGenerator<string>;
}

/**
 * The filtered queue, in the queue's order, as CSV. The first page is read before anything is sent, so
 * the caller can audit the export (and refuse it) knowing its size. Offset pages can shift while others
 * decide claims, so a claim seen twice is written once.
 */
export async function exportClaimsQueue(warehouse: Warehouse, prisma: PrismaClient, query: ClaimsQuery, signal?: AbortSignal): Promise<ClaimsExport> {
  const pageOf = (page: number) => buildClaimsQueue(warehouse, prisma, { ...query, page, pageSize: PAGE_SIZE }, signal);
  const first = await pageOf(1);
  const rows = Math.min(first.total, EXPORT_CAP);
  async function* chunks(): AsyncGenerator<string> {
    const seen = new Set<string>();
    let page: ClaimsResponse = first;
    const columns = claimCsvColumns(first.rules);
    let header = true;
    for (let n = 1; ; n += 1) {
      if (n > 1) page = await pageOf(n);
      const fresh = page.rows.filter((r) => !seen.has(r.claimNo)).slice(0, rows - seen.size);
      for (const r of fresh) seen.add(r.claimNo);
      const data = fresh.map((r) => {
        const values = claimCsvRow(r, first.rules);
        return columns.map((c) => values[c] ?? null);
      });
      if (header) {
        // The byte order mark makes spreadsheet programs read the file as UTF-8.
        yield `\uFEFF${Papa.unparse({ fields: columns, data }, { newline: "\r\n" })}\r\n`;
        header = false;
      } else if (data.length > 0) {
        yield `${Papa.unparse(data, { newline: "\r\n" })}\r\n`;
      }
      if (seen.size >= rows || page.rows.length < PAGE_SIZE) return;
    }
  }
  return { total: first.total, rows, chunks: chunks() };
}
