import { z } from "zod";
import type { ReplayFilter, ReplayJobDetail, ReplayJobProgress, ReplayResult, ReplaySelection } from "@/core/dlq/dlq-api";
import { FAILURE_SEVERITIES } from "@/core/dlq/failures";
import { REGION_IDS } from "@/core/routing/regions";
import { AppError } from "../errors";
import type { Runtime } from "../runtime";
import { getReplayJob, listReplayJobOutcomes } from "../services/get-replay-job";
import { DRILL_COMPONENTS } from "@/core/drills/drill-api";
import { OUTCOMES_SHOWN } from "../workers/replay-runner";
import { readJsonBody } from "./respond";
import { parseBody, parseId } from "./validate";

export type { ReplayResult };

/** Ids one request may list; a larger selection is a filter. */
export const MAX_REPLAY_IDS = 1000;
const MAX_BODY_BYTES = 256 * 1024;

const selectionShape = {
  ids: z
    .array(z.uuid({ error: "ids must be dead-letter ids" }))
    .min(1, "ids must not be empty")
    .max(MAX_REPLAY_IDS, `at most ${MAX_REPLAY_IDS} ids per replay`)
    .optional(),
  filter: z
    .object({
      region: z.enum(REGION_IDS, { error: `filter.region must be one of ${REGION_IDS.join(", ")}` }).optional(),
      severity: z.enum(FAILURE_SEVERITIES, { error: `filter.severity must be one of ${FAILURE_SEVERITIES.join(", ")}` }).optional(),
      component: z.enum(DRILL_COMPONENTS, { error: `filter.component must be one of ${DRILL_COMPONENTS.join(", ")}` }).optional(),
      q: z.string().max(200).optional(),
      from: z.number().int().min(0).optional(),
      to: z.number().int().min(0).optional(),
    })
    .strict()
    .optional(),
};
const EITHER = "give either ids or filter, not both and not neither";
const hasOneSelection = (body: { ids?: unknown; filter?: unknown }) => (body.ids === undefined) !== (body.filter === undefined);

const replayRequestSchema = z
  .object({ ...selectionShape, dryRun: z.boolean({ error: "dryRun must be true or false" }) })
  .strict()
  .refine(hasOneSelection, EITHER);
const replayJobRequestSchema = z.object(selectionShape).strict().refine(hasOneSelection, EITHER);
const jobIdSchema = z.uuid({ error: "must be a replay job id (a UUID)" });

function toSelection(body: { ids?: string[] | undefined; filter?: ReplayFilter | undefined }): ReplaySelection {
  // An id asked for twice is one entry: replaying it twice in one job would spend two of its replays.
  return body.ids ? { ids: [...new Set(body.ids)] } : { filter: body.filter ?? {} };
}

/**
 * POST /api/dlq/replay: a dry run says what would happen to each entry; a real one runs a replay
 * job to its end and answers its counts (POST /api/dlq/replay-jobs answers at once instead).
 */
export async function replayDeadLetters(runtime: Runtime, request: Request, requestedBy: string): Promise<ReplayResult> {
  const body = parseBody(replayRequestSchema, await readJsonBody(request, MAX_BODY_BYTES));
  const selection = toSelection(body);
  if (body.dryRun) return runtime.replays.preview(selection);
  const started = await runtime.replays.start(selection, requestedBy);
  const { job, outcomes, truncated } = await started.finished;
  if (job.state === "failed")
    throw new AppError(
      "unavailable",
      `The replay stopped after ${job.processed} of ${job.total} entries: ${job.error}. Replay what is still open again.`,
    );
  return {
    jobId: job.id,
    dryRun: false,
    total: job.total,
    requeued: job.requeued,
    refused: job.refused,
    invalid: job.invalid,
    missing: job.missing,
    outcomes,
    truncated,
  };
}

/** POST /api/dlq/replay-jobs: starts a real replay and answers its job at once; progress follows as `replay_job` pushes. */
export async function startReplayJob(runtime: Runtime, request: Request, requestedBy: string): Promise<ReplayJobProgress> {
  const selection = toSelection(parseBody(replayJobRequestSchema, await readJsonBody(request, MAX_BODY_BYTES)));
  return (await runtime.replays.start(selection, requestedBy)).job;
}

/** GET /api/dlq/replay-jobs/:id: a job's stored progress and the outcomes of the entries it has handled. */
export async function getReplayJobDetail(runtime: Runtime, rawId: string): Promise<ReplayJobDetail> {
  const id = parseId(jobIdSchema, rawId);
  const job = await getReplayJob(runtime.database.prisma, id);
  if (!job) throw new AppError("not_found", `No replay job ${id}.`);
  const outcomes = await listReplayJobOutcomes(runtime.database.prisma, id, OUTCOMES_SHOWN + 1);
  return { job, outcomes: outcomes.slice(0, OUTCOMES_SHOWN), truncated: outcomes.length > OUTCOMES_SHOWN };
}
