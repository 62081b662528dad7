import "server-only";
import type { PrismaClient } from "./generated/prisma/client";
import type { AuditQuery, AuditResponse } from "./api/auditSchema";

function parseDetail(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The audit log, newest first, filtered; pages are keyset pages on the id (stable while events arrive). */
export async function listAuditEvents(db: PrismaClient, q: AuditQuery): Promise<AuditResponse> {
  const where = {
    ...(q.action ? { action: q.action } : {}),
    ...(q.actor ? { actorEmail: { contains: q.actor.toLowerCase() } } : {}),
    ...(q.target ? { target: { startsWith: q.target } } : {}),
    ...(q.from || q.to
      ? { at: { ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}), ...(q.to ? { lt: new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000) } : {}) } }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where: { ...where, ...(q.before ? { id: { lt: q.before } } : {}) },
      orderBy: { id: "desc" },
      take: q.limit + 1,
      include: { user: { select: { name: true } } },
    }),
    db.auditEvent.count({ where }),
  ]);
  const page = rows.slice(0, q.limit);
  return {
    events: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      action: r.action,
      actorEmail: r.actorEmail,
      actorName: r.user?.name ?? null,
      target: r.target,
      requestId: r.requestId,
      detail: parseDetail(r.detail),
    })),
    total,
    nextBefore: rows.length > q.limit ? page[page.length - 1]!.id : null,
  };
}
