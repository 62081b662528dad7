import { z } from "zod";
import { isoDate } from "./schemaParts";

export const AUDIT_ACTIONS = ["claim.viewed", "decision.recorded", "export.csv", "auth.signed_in", "auth.sign_in_failed"] as const;

/** GET /api/admin/audit and the /admin/audit page: filters, newest first, keyset pages. */
export const auditQuery = z
  .object({
    action: z.enum(AUDIT_ACTIONS).optional(),
    /** Part of the actor's email, case-insensitive. */
    actor: z.string().trim().min(1).max(200).optional(),
    /** Start of the target, e.g. a claim number. */
    target: z.string().trim().min(1).max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Cursor: events older than this id. */
    before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: "custom", path: ["from"], message: "must not be after to" });
  });

export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEvent = z
  .object({
    id: z.number().int(),
    at: z.string(),
    action: z.string(),
    actorEmail: z.string().nullable(),
    actorName: z.string().nullable(),
    target: z.string().nullable(),
    requestId: z.string().nullable(),
    detail: z.unknown().nullable(),
  })
  .strict();

export const auditResponse = z
  .object({ events: z.array(auditEvent), total: z.number().int(), nextBefore: z.number().int().nullable() })
  .strict();

export type AuditResponse = z.infer<typeof auditResponse>;
