import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { logger } from "@/lib/logger";
import { GEO_FILES } from "@/lib/geo";
import { boroughFile, contextFile, projectPolicyMap, type PolicyMapGeometry } from "./policyMapGeometry";

let projected: PolicyMapGeometry | null = null;

/**
 * The Loss Summary map's shapes, read from public/geo (written at install) and projected on first use, then
 * kept for the life of the process. null when the files are missing or unreadable: the map then shows its
 * figures as a table instead of failing the page.
 */
export function policyMapGeometry(): PolicyMapGeometry | null {
  if (projected) return projected;
  try {
    const read = (file: string): unknown => JSON.parse(readFileSync(path.join(process.cwd(), "public", file), "utf8"));
    projected = projectPolicyMap(boroughFile.parse(read(GEO_FILES.nycBoroughs)), contextFile.parse(read(GEO_FILES.nycContext)));
    return projected;
  } catch (error) {
    logger.error({ err: error }, "the Loss Summary map geometry could not be read from public/geo; the map shows a table");
    return null;
  }
}
