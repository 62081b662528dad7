import "server-only";
import { prisma } from "./db";
import { logger } from "./logger";

export type AuditAction = "claim.viewed" | "decision.recorded" | "auth.signed_in" | "auth.sign_in_failed" | "export.csv";

/** Writes an audit event. Personal data stays in the audit table; the server log gets ids only. */
export async function audit(event: { action: AuditAction; userId?: string | null; actorEmail?: string | null; target?: string | null; requestId?: string | null; detail?: unknown }) {
  await prisma.auditEvent.create({
    data: {
      action: event.action,
      userId: event.userId ?? null,
      actorEmail: event.actorEmail ?? null,
      target: event.target ?? null,
      requestId: event.requestId ?? null,
      detail: event.detail === undefined ? null : JSON.stringify(event.detail),
    },
  });
  logger.info({ audit: event.action, target: event.target, requestId: event.requestId }, "audit");
}
