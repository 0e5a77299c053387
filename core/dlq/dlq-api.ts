/**
 * The wire contract of /api/dlq and its socket events: the server builds these, the DLQ page and the
 * board's DLQ tile validate them. Instants are epoch ms.
 */
import { z } from "zod";
import { FAILURE_SEVERITIES } from "./failures";
import { REGION_IDS } from "../routing/regions";

/** Code paths a drill (and so a dead letter) can name; the fault injector's list. */
export const DLQ_COMPONENTS = ["processor", "store", "commands", "history"] as const;

export const deadLetterViewSchema = z.object({
  id: z.uuid(),
  eventId: z.string(),
  region: z.enum(REGION_IDS),
  component: z.enum(DLQ_COMPONENTS),
  severity: z.enum(FAILURE_SEVERITIES),
  error: z.string(),
  retryCount: z.number(),
  event: z.record(z.string(), z.unknown()),
  firstFailedAt: z.number(),
  deadLetteredAt: z.number(),
  replayCount: z.number(),
  lastReplayedAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
});
export type DeadLetterView = z.infer<typeof deadLetterViewSchema>;

export const deadLetterPageSchema = z.object({ entries: z.array(deadLetterViewSchema), nextCursor: z.string().nullable() });
export type DeadLetterPage = z.infer<typeof deadLetterPageSchema>;

export const ATTEMPT_KINDS = [
  "failed",
  "dead_lettered",
  "replay_requeued",
  "replay_refused",
  "replay_invalid",
  "replay_processed",
  "replay_failed",
] as const;
export type AttemptKind = (typeof ATTEMPT_KINDS)[number];

/** One step of an entry's history, oldest first. */
export const deadLetterAttemptSchema = z.object({
  kind: z.enum(ATTEMPT_KINDS),
  at: z.number(),
  detail: z.string(),
  severity: z.enum(FAILURE_SEVERITIES).nullable(),
  retryCount: z.number().nullable(),
  jobId: z.string().nullable(),
});
export type DeadLetterAttempt = z.infer<typeof deadLetterAttemptSchema>;

/** GET /api/dlq/:id: the entry, the replay-count guard it is held to, and its history. */
export const deadLetterDetailSchema = z.object({
  entry: deadLetterViewSchema,
  maxReplays: z.number(),
  history: z.array(deadLetterAttemptSchema),
});
export type DeadLetterDetail = z.infer<typeof deadLetterDetailSchema>;

const severityCountsSchema = z.object({ CATASTROPHIC: z.number(), PERSISTENT: z.number(), TRANSIENT: z.number() });

/** GET /api/dlq/summary and the `dlq_summary` push: entries no replay has resolved, by severity. */
export const dlqSummarySchema = z.object({
  at: z.number(),
  /** Entries not yet resolved by a replay. */
  open: z.number(),
  /** Every entry kept, resolved ones included. */
  total: z.number(),
  bySeverity: severityCountsSchema,
  /** Open entries that hit the replay-count guard and will be refused. */
  guarded: z.number(),
  maxReplays: z.number(),
});
export type DlqSummary = z.infer<typeof dlqSummarySchema>;

export const REPLAY_OUTCOMES = ["requeued", "refused", "invalid", "missing"] as const;
export const replayOutcomeSchema = z.object({
  id: z.string(),
  eventId: z.string().nullable(),
  outcome: z.enum(REPLAY_OUTCOMES),
  reason: z.string(),
});
export type ReplayOutcome = z.infer<typeof replayOutcomeSchema>;

/** What a replay asks for: listed entries, or every open entry a filter matches. */
export const replayFilterSchema = z.object({
  region: z.enum(REGION_IDS).optional(),
  severity: z.enum(FAILURE_SEVERITIES).optional(),
  component: z.enum(DLQ_COMPONENTS).optional(),
  q: z.string().max(200).optional(),
  from: z.number().int().min(0).optional(),
  to: z.number().int().min(0).optional(),
});
export type ReplayFilter = z.infer<typeof replayFilterSchema>;
export type ReplaySelection = { ids: string[] } | { filter: ReplayFilter };

/** POST /api/dlq/replay: a dry run's (or a finished real run's) counts and outcomes. */
export const replayResultSchema = z.object({
  jobId: z.string().nullable(),
  dryRun: z.boolean(),
  total: z.number(),
  requeued: z.number(),
  refused: z.number(),
  invalid: z.number(),
  missing: z.number(),
  outcomes: z.array(replayOutcomeSchema),
  /** More entries matched than the outcomes list shows; the counts cover them all. */
  truncated: z.boolean(),
});
export type ReplayResult = z.infer<typeof replayResultSchema>;

export const REPLAY_JOB_STATES = ["running", "done", "failed"] as const;

/** A replay job's progress, stored after every batch and pushed as `replay_job`. */
export const replayJobProgressSchema = z.object({
  id: z.string(),
  state: z.enum(REPLAY_JOB_STATES),
  requestedAt: z.number(),
  finishedAt: z.number().nullable(),
  total: z.number(),
  processed: z.number(),
  requeued: z.number(),
  refused: z.number(),
  invalid: z.number(),
  missing: z.number(),
  error: z.string().nullable(),
  requestedBy: z.string().nullable(),
});
export type ReplayJobProgress = z.infer<typeof replayJobProgressSchema>;

/** GET /api/dlq/replay-jobs/:id: the progress and the outcome of each entry handled so far (first ones). */
export const replayJobDetailSchema = z.object({
  job: replayJobProgressSchema,
  outcomes: z.array(replayOutcomeSchema),
  truncated: z.boolean(),
});
export type ReplayJobDetail = z.infer<typeof replayJobDetailSchema>;
