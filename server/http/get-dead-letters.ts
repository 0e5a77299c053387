import { z } from "zod";
import type { DeadLetterAttempt, DeadLetterDetail, DlqSummary } from "@/core/dlq/dlq-api";
import { FAILURE_SEVERITIES } from "@/core/dlq/failures";
import { REGION_IDS } from "@/core/routing/regions";
import { AppError } from "../errors";
import type { Runtime } from "../runtime";
import { getDeadLetter, listDeadLetters } from "../services/list-dead-letters";
import { listDeadLetterAttempts } from "../services/list-dead-letter-attempts";
import { summarizeDeadLetters } from "../services/summarize-dead-letters";
import type { DeadLetterRecord } from "../workers/dead-letter";
import { DRILL_COMPONENTS } from "@/core/drills/drill-api";
import { createValidationError, parseId, parseQuery } from "./validate";

const instant = z.coerce.number({ error: "must be epoch milliseconds" }).int().min(0).max(8.64e15);
const dlqQuerySchema = z.object({
  region: z.enum(REGION_IDS, { error: `must be one of ${REGION_IDS.join(", ")}` }).optional(),
  severity: z.enum(FAILURE_SEVERITIES, { error: `must be one of ${FAILURE_SEVERITIES.join(", ")}` }).optional(),
  component: z.enum(DRILL_COMPONENTS, { error: `must be one of ${DRILL_COMPONENTS.join(", ")}` }).optional(),
  q: z.string().max(200, "must be at most 200 characters").optional(),
  from: instant.optional(),
  to: instant.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number({ error: "must be a number" }).int().min(1, "must be 1 to 500").max(500, "must be 1 to 500").default(100),
});

/** A page boundary: the last entry's time and id, opaque to clients. */
function encodeCursor(record: DeadLetterRecord): string {
  return Buffer.from(`${record.deadLetteredAt}|${record.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { at: number; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!at || !id || !/^\d+$/.test(at))
    throw createValidationError([{ path: "cursor", message: "not a cursor this API gave out; start from the first page." }]);
  return { at: Number(at), id };
}

/** GET /api/dlq: dead letters, newest first, filtered and paged by cursor. */
export async function getDeadLetters(
  runtime: Runtime,
  params: URLSearchParams,
): Promise<{ entries: DeadLetterRecord[]; nextCursor: string | null }> {
  const { cursor, limit, ...filters } = parseQuery(dlqQuerySchema, params);
  await runtime.settleWrites();
  const entries = await listDeadLetters(runtime.database.prisma, {
    ...filters,
    after: cursor ? decodeCursor(cursor) : undefined,
    limit: limit + 1,
  });
  const page = entries.slice(0, limit);
  return { entries: page, nextCursor: entries.length > limit ? encodeCursor(page[page.length - 1]!) : null };
}

const deadLetterIdSchema = z.uuid({ error: "must be a dead-letter id (a UUID)" });
/** Steps of one entry's history a detail answers at most (5 replays make a dozen). */
const HISTORY_LIMIT = 200;

/**
 * GET /api/dlq/:id: the entry, its replay guard and its history. The first failure and the
 * dead-lettering are told from the entry itself until a replay fails again and overwrites it.
 */
export async function getDeadLetterDetail(runtime: Runtime, rawId: string): Promise<DeadLetterDetail> {
  const id = parseId(deadLetterIdSchema, rawId);
  await runtime.settleWrites();
  const prisma = runtime.database.prisma;
  const [entry, steps] = await Promise.all([getDeadLetter(prisma, id), listDeadLetterAttempts(prisma, id, HISTORY_LIMIT)]);
  if (!entry) throw new AppError("not_found", `No dead letter ${id}.`);
  const deadLettered: DeadLetterAttempt = steps.find((s) => s.kind === "dead_lettered") ?? {
    kind: "dead_lettered",
    at: entry.deadLetteredAt,
    detail: entry.error,
    severity: entry.severity,
    retryCount: entry.retryCount,
    jobId: null,
  };
  const firstFailure: DeadLetterAttempt = {
    kind: "failed",
    at: entry.firstFailedAt,
    detail: `first failure in ${entry.component}`,
    severity: deadLettered.severity,
    retryCount: 0,
    jobId: null,
  };
  const history = [firstFailure, deadLettered, ...steps.filter((s) => s !== deadLettered)];
  return { entry: { ...entry, event: entry.event as unknown as Record<string, unknown> }, maxReplays: runtime.maxReplays, history };
}

/** GET /api/dlq/summary: open entries by severity, those at the replay guard, and every entry kept. */
export async function getDeadLetterSummary(runtime: Runtime): Promise<DlqSummary> {
  await runtime.settleWrites();
  return { at: Date.now(), ...(await summarizeDeadLetters(runtime.database.prisma, runtime.maxReplays)), maxReplays: runtime.maxReplays };
}
