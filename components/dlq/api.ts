import {
  deadLetterDetailSchema,
  deadLetterPageSchema,
  dlqSummarySchema,
  replayJobDetailSchema,
  replayJobProgressSchema,
  replayResultSchema,
  type DeadLetterDetail,
  type DeadLetterPage,
  type DlqSummary,
  type ReplayJobDetail,
  type ReplayJobProgress,
  type ReplayResult,
  type ReplaySelection,
} from "@/core/dlq/dlq-api";
import { fetchJson, readJson, sendRequest } from "@/components/ui/api-client";
import { writeFilterQuery, type DlqFilter } from "./dlq-filter-query";

export const DLQ_SUMMARY_QUERY_KEY = ["dlq", "summary"] as const;
export const DLQ_ENTRIES_QUERY_KEY = ["dlq", "entries"] as const;

export const createEntriesQueryKey = (filter: DlqFilter, cursor: string | null) => [...DLQ_ENTRIES_QUERY_KEY, filter, cursor] as const;
export const createEntryQueryKey = (id: string) => ["dlq", "entry", id] as const;
export const createReplayJobQueryKey = (id: string) => ["dlq", "replay-job", id] as const;
/** A finished job's outcomes, read once: kept apart from its progress, which pushes overwrite. */
export const createReplayOutcomesQueryKey = (id: string) => ["dlq", "replay-job-outcomes", id] as const;

/** GET /api/dlq: one page of entries matching the filter. */
export function fetchDeadLetters(filter: DlqFilter, cursor: string | null, limit: number, signal: AbortSignal): Promise<DeadLetterPage> {
  const query = writeFilterQuery(filter);
  query.set("limit", String(limit));
  if (cursor) query.set("cursor", cursor);
  return fetchJson("/api/dlq", `/api/dlq?${query.toString()}`, deadLetterPageSchema, signal);
}

/** GET /api/dlq/:id: the entry, its replay guard and history. */
export function fetchDeadLetter(id: string, signal: AbortSignal): Promise<DeadLetterDetail> {
  return fetchJson("/api/dlq/:id", `/api/dlq/${encodeURIComponent(id)}`, deadLetterDetailSchema, signal);
}

/** GET /api/dlq/summary. */
export function fetchDlqSummary(signal: AbortSignal): Promise<DlqSummary> {
  return fetchJson("/api/dlq/summary", "/api/dlq/summary", dlqSummarySchema, signal);
}

/** GET /api/dlq/replay-jobs/:id. */
export function fetchReplayJob(id: string, signal: AbortSignal): Promise<ReplayJobDetail> {
  return fetchJson("/api/dlq/replay-jobs/:id", `/api/dlq/replay-jobs/${encodeURIComponent(id)}`, replayJobDetailSchema, signal);
}

async function postJson<T>(endpoint: string, body: unknown, schema: Parameters<typeof readJson<T>>[2]): Promise<T> {
  const response = await sendRequest(endpoint, endpoint, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  // The server's own refusal is what the operator needs to read.
  return readJson(endpoint, response, schema, (status, error) => error?.message ?? `HTTP ${status}`);
}

/** POST /api/dlq/replay with dryRun: what a replay would do to each entry. */
export function previewReplay(selection: ReplaySelection): Promise<ReplayResult> {
  return postJson("/api/dlq/replay", { ...selection, dryRun: true }, replayResultSchema);
}

/** POST /api/dlq/replay-jobs: starts a real replay; progress follows on the socket. */
export function startReplay(selection: ReplaySelection): Promise<ReplayJobProgress> {
  return postJson("/api/dlq/replay-jobs", selection, replayJobProgressSchema);
}
