import type { AuditEntry } from "@/core/auth/auth";
import type { PrismaClient } from "../db/generated/client";

export interface AuditRecord {
  at: number;
  actor: string | null;
  action: string;
  target: string | null;
  outcome: string;
  detail: string | null;
}

interface AuditRow {
  id: bigint;
  at: Date;
  actor: string | null;
  action: string;
  target: string | null;
  outcome: string;
  detail: string | null;
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id.toString(),
    at: row.at.getTime(),
    actor: row.actor,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    detail: row.detail,
  };
}

export async function recordAudit(prisma: PrismaClient, record: AuditRecord): Promise<void> {
  await prisma.auditEntry.create({ data: { ...record, at: new Date(record.at) } });
}

/** Entries newest first; `cursor` is the id of the last entry of the previous page. */
export async function listAudit(
  prisma: PrismaClient,
  query: { limit: number; cursor?: bigint | undefined },
): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const rows = await prisma.auditEntry.findMany({
    where: query.cursor === undefined ? {} : { id: { lt: query.cursor } },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return { entries: page.map(toAuditEntry), nextCursor: rows.length > query.limit ? page.at(-1)!.id.toString() : null };
}
