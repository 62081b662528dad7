// GET /api/admin/audit: the audit log for administrators, filtered, newest first, in keyset pages.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { prisma } from "@/lib/db";
import { handleApiError } from "@/lib/api/errors";
import { jsonAnswer } from "@/lib/api/serverTiming";
import { parseSearchParams } from "@/lib/api/parseRequest";
import { auditQuery, auditResponse } from "@/lib/api/auditSchema";
import { listAuditEvents } from "@/lib/auditLog";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const started = performance.now();
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  try {
    const q = parseSearchParams(request.nextUrl, auditQuery);
    const body = auditResponse.parse(await listAuditEvents(prisma, q));
    return jsonAnswer(body, started, { "x-request-id": requestId, "cache-control": "private, no-store" });
  } catch (err) {
    return handleApiError(err, requestId);
  }
}
