import { z } from "zod";
import type { AuditEntry } from "@/core/auth/auth";
import type { Runtime } from "../runtime";
import { listAudit } from "../services/audit-log";
import { parseQuery } from "./validate";

const auditQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be 1 to 500")
    .max(500, "limit must be 1 to 500")
    .default(100),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, "cursor must be the nextCursor of an earlier page")
    .transform((value) => BigInt(value))
    .optional(),
});

/** GET /api/audit?limit=&cursor=: every attempted mutation, newest first; `nextCursor` pages on. */
export async function getAudit(runtime: Runtime, params: URLSearchParams): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  return listAudit(runtime.database.prisma, parseQuery(auditQuerySchema, params));
}
