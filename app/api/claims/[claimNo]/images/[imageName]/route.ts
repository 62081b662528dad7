// GET /api/claims/{claimNo}/images/{imageName}: a claim's damage photo, served by the app (no public bucket).
import { randomUUID } from "node:crypto";
import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { env } from "@/lib/env";
import { dataPaths } from "@/lib/paths";
import { getWarehouse } from "@/lib/warehouse";
import { ApiError, handleApiError } from "@/lib/api/errors";
import { claimPath } from "@/lib/api/claimsSchema";

export const dynamic = "force-dynamic";

const CONTENT_TYPES = { svg: "image/svg+xml", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg" } as const;
const imageName = z.string().max(120).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*\.(svg|png|jpe?g)$/i, "is not an image name");

export async function GET(request: NextRequest, { params }: { params: Promise<{ claimNo: string; imageName: string }> }) {
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  try {
    const p = await params;
    const { claimNo } = claimPath.parse(p);
    const name = imageName.parse(p.imageName);
    const warehouse = getWarehouse();
    // Only a photo that the gold tables link to this claim is served.
    const owned = await warehouse.query({
      name: "getClaimImage",
      sql: `SELECT count(*) AS n FROM ${warehouse.table("claims")} WHERE claim_no = CAST(:claimNo AS STRING) AND image_name = CAST(:imageName AS STRING)`,
      params: { claimNo, imageName: name },
      row: z.object({ n: z.coerce.number() }),
      signal: request.signal,
    });
    if (!owned[0]?.n) throw new ApiError("not_found", `No image ${name} for claim ${claimNo}.`);
    const dir = path.join(dataPaths(env().DATA_DIR).raw, "accidents", "images");
    let file: string;
    try {
      file = await realpath(path.join(dir, name));
    } catch {
      throw new ApiError("not_found", `Image ${name} is missing from the image store.`);
    }
    if (!file.startsWith((await realpath(dir)) + path.sep)) throw new ApiError("not_found", `No image ${name} for claim ${claimNo}.`);
    const ext = name.split(".").pop()!.toLowerCase() as keyof typeof CONTENT_TYPES;
    return new NextResponse(new Uint8Array(await readFile(file)), {
      headers: {
        "content-type": CONTENT_TYPES[ext],
        "cache-control": "private, max-age=3600",
        "x-content-type-options": "nosniff",
        // An SVG opened directly must not run anything.
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
        "x-request-id": requestId,
      },
    });
  } catch (err) {
    return handleApiError(err, requestId);
  }
}
