import "server-only";
import { prisma } from "./db";
import { logger } from "./logger";

export type AuditAction = "claim.viewed" | "decision.recorded" | "auth.signed_in" | "auth.sign_in_failed" | "export.csv";

/** Writes an audit event. Personal data stays in the audit table; the server log gets ids only. */
export async function audit(event: { action: AuditAction; userId?: string | null; actorEmail?: string | null; target?: string | null; requestId?: string | null; detail?: unknown }) {
  const data = {
    action: event.action,
    userId: event.userId ?? null,
    actorEmail: event.actorEmail ?? null,
    target: event.target ?? null,
    requestId: event.requestId ?? null,
    detail: event.detail === undefined ? null : JSON.stringify(event.detail),
  };
  try {
    await prisma.auditEvent.create({ data });
  } catch (err) {
    // A session can outlive its user row (the app database was reset): the event is kept, by email.
    if ((err as { code?: string }).code !== "P2003" || data.userId === null) throw err;
    await prisma.auditEvent.create({ data: { ...data, userId: null, detail: JSON.stringify({ ...(event.detail as object), unknownUserId: data.userId }) } });
  }
  logger.info({ audit: event.action, target: event.target, requestId: event.requestId }, "audit");
}
