import type { Metadata } from "next";
import { z } from "zod";
import { AuditLog } from "@/components/admin/AuditLog";
import { auditQuery } from "@/lib/api/auditSchema";
import { describeZodError } from "@/lib/api/errors";
import { listAuditEvents } from "@/lib/auditLog";
import { prisma } from "@/lib/db";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

/** The filters of the URL, single values only, empty fields dropped (a submitted form sends them). */
function searchToRecord(search: Search): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(search)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") out[key] = first;
  }
  return out;
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = searchToRecord(await searchParams);
  const parsed = auditQuery.safeParse(raw);
  if (!parsed.success) {
    return <AuditLog filters={raw} result={null} problem={describeZodError(parsed.error as z.ZodError)} />;
  }
  const result = await listAuditEvents(prisma, parsed.data);
  return <AuditLog filters={raw} result={result} problem={null} />;
}
