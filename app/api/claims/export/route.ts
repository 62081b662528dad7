// GET /api/claims/export: the filtered claims queue as a CSV file (at most EXPORT_CAP claims), on the audit log.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { getWarehouse } from "@/lib/warehouse";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import { handleApiError } from "@/lib/api/errors";
import { parseSearchParams } from "@/lib/api/parseRequest";
import { claimsQuery } from "@/lib/api/claimsSchema";
import { exportClaimsQueue } from "@/lib/api/claimsExport";
import { exportFileName } from "@/lib/api/claimsCsv";
import { getRequestUser } from "@/lib/auth/requestUser";
import { audit } from "@/lib/audit";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  try {
    const query = parseSearchParams(request.nextUrl, claimsQuery);
    const file = await exportClaimsQueue(getWarehouse(), prisma, query, request.signal);
    const fileName = exportFileName(query);
    // Claims carry personal data: the export is on record before its first byte leaves.
    const user = await getRequestUser(request);
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    await audit({
      action: "export.csv",
      userId: user?.id,
      actorEmail: user?.email,
      target: "claims-queue",
      requestId,
      detail: { fileName, rows: file.rows, total: file.total, filters },
    });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await file.chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (err) {
          logger.error({ err, requestId }, "claims export failed while streaming");
          controller.error(err);
        }
      },
      async cancel() {
        await file.chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "private, no-store",
        "x-export-rows": String(file.rows),
        "x-export-total": String(file.total),
        "x-request-id": requestId,
      },
    });
  } catch (err) {
    return handleApiError(err, requestId);
  }
}
