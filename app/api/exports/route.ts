// POST /api/exports: puts a CSV made in the browser from a dashboard tile on the audit log; the page
// downloads the file only once this has answered.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { ApiError, handleApiError } from "@/lib/api/errors";
import { jsonAnswer } from "@/lib/api/serverTiming";
import { parseJsonBody } from "@/lib/api/parseRequest";
import { exportRecord } from "@/lib/api/exportSchema";
import { canOpen } from "@/lib/auth/access";
import { getRequestUser } from "@/lib/auth/requestUser";
import { audit } from "@/lib/audit";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest) {
  const started = performance.now();
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  try {
    const user = await getRequestUser(request);
    if (!user) throw new ApiError("unauthorized", "Sign in to export.");
    const record = await parseJsonBody(request, exportRecord);
    // Only from a dashboard this role may open.
    if (!canOpen(user.role, `/${record.dashboard}`)) throw new ApiError("forbidden", `Your role (${user.role}) may not export from ${record.dashboard}.`);
    await audit({
      action: "export.csv",
      userId: user.id,
      actorEmail: user.email,
      target: `${record.dashboard}/${record.tile}`,
      requestId,
      detail: { fileName: record.fileName, rows: record.rows, filters: record.filters },
    });
    return jsonAnswer({ recorded: true }, started, { "x-request-id": requestId }, 201);
  } catch (err) {
    return handleApiError(err, requestId);
  }
}
