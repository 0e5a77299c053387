import { randomUUID } from "node:crypto";
import { z } from "zod";
import { parseViewerEvent, type ViewerEvent } from "@/core/events";
import { FAILURE_SEVERITIES } from "@/core/failures";
import { REGION_IDS } from "@/core/regions";
import type { Runtime } from "../runtime";
import { listDeadLetters } from "../services/list-dead-letters";
import { saveReplayJob, type ReplayOutcome } from "../services/save-replay-job";
import { markDeadLettersReplayed } from "../services/update-replayed-dead-letters";
import { FAULT_COMPONENTS } from "../workers/fault-injector";
import { readJsonBody } from "./respond";
import { parseBody } from "./validate";

/** Entries one replay takes at most; a larger selection is replayed in several jobs. */
export const MAX_REPLAY_ENTRIES = 1000;

const replayRequestSchema = z
  .object({
    ids: z.array(z.uuid({ error: "ids must be dead-letter ids" })).min(1, "ids must not be empty").max(MAX_REPLAY_ENTRIES, `at most ${MAX_REPLAY_ENTRIES} ids per replay`).optional(),
    filter: z
      .object({
        region: z.enum(REGION_IDS, { error: `filter.region must be one of ${REGION_IDS.join(", ")}` }).optional(),
        severity: z.enum(FAILURE_SEVERITIES, { error: `filter.severity must be one of ${FAILURE_SEVERITIES.join(", ")}` }).optional(),
        component: z.enum(FAULT_COMPONENTS, { error: `filter.component must be one of ${FAULT_COMPONENTS.join(", ")}` }).optional(),
        q: z.string().max(200).optional(),
        from: z.number().int().min(0).optional(),
        to: z.number().int().min(0).optional(),
      })
      .strict()
      .optional(),
    dryRun: z.boolean({ error: "dryRun must be true or false" }),
  })
  .strict()
  .refine((body) => (body.ids === undefined) !== (body.filter === undefined), "give either ids or filter, not both and not neither");

export interface ReplayResult {
  jobId: string | null;
  dryRun: boolean;
  total: number;
  requeued: number;
  refused: number;
  invalid: number;
  missing: number;
  outcomes: ReplayOutcome[];
}

/**
 * POST /api/dlq/replay: sends dead letters through the pipeline again. A dry run only says what
 * would happen to each; a real one is recorded as a replay job. An entry already replayed
 * `maxReplays` times is refused, so a poison event cannot loop.
 */
export async function replayDeadLetters(runtime: Runtime, request: Request, requestedBy: string): Promise<ReplayResult> {
  const { ids, filter, dryRun } = parseBody(replayRequestSchema, await readJsonBody(request, 256 * 1024));
  await runtime.settleWrites();
  const entries = await listDeadLetters(
    runtime.database.prisma,
    ids ? { ids, limit: ids.length } : { ...filter, unresolved: true, limit: MAX_REPLAY_ENTRIES },
  );

  const outcomes: ReplayOutcome[] = [];
  const toSend: Array<{ id: string; event: ViewerEvent }> = [];
  for (const entry of entries) {
    const base = { id: entry.id, eventId: entry.eventId };
    if (entry.resolvedAt !== null) {
      outcomes.push({ ...base, outcome: "refused", reason: "already processed after an earlier replay" });
    } else if (entry.replayCount >= runtime.maxReplays) {
      outcomes.push({ ...base, outcome: "refused", reason: `replayed ${entry.replayCount} times already (limit ${runtime.maxReplays}); refused so a poison event cannot loop` });
    } else {
      const event = parseViewerEvent(entry.event);
      if (!event.ok) {
        outcomes.push({ ...base, outcome: "invalid", reason: `the stored event no longer validates: ${event.reason}` });
      } else {
        toSend.push({ id: entry.id, event: event.event });
        outcomes.push({ ...base, outcome: "requeued", reason: dryRun ? "would be sent through the pipeline again" : "sent through the pipeline again" });
      }
    }
  }
  const found = new Set(entries.map((e) => e.id));
  for (const id of ids ?? []) if (!found.has(id)) outcomes.push({ id, eventId: null, outcome: "missing", reason: "no dead letter with this id" });

  const count = (outcome: ReplayOutcome["outcome"]) => outcomes.filter((o) => o.outcome === outcome).length;
  const result: ReplayResult = {
    jobId: dryRun ? null : randomUUID(),
    dryRun,
    total: outcomes.length,
    requeued: count("requeued"),
    refused: count("refused"),
    invalid: count("invalid"),
    missing: count("missing"),
    outcomes,
  };
  if (dryRun) return result;

  const now = Date.now();
  await markDeadLettersReplayed(runtime.database.prisma, toSend.map((s) => s.id), now);
  for (const { id, event } of toSend) await runtime.ingestor.ingestReplay(event, id);
  await saveReplayJob(runtime.database.prisma, {
    id: result.jobId!,
    requestedAt: now,
    requestedBy,
    selection: ids ? { ids } : { filter },
    total: result.total,
    requeued: result.requeued,
    refused: result.refused,
    invalid: result.invalid + result.missing,
    outcomes,
  });
  console.log(`[dlq] replay ${result.jobId}: ${result.requeued} requeued, ${result.refused} refused, ${result.invalid} invalid, ${result.missing} missing`);
  return result;
}
