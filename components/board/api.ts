import { z } from "zod";
import { EVENT_TYPES, NETWORK_TYPES, QUALITIES } from "@/core/events";
import { BUFFER_ACTIONS } from "@/core/quality-ladder";
import { REGION_IDS } from "@/core/regions";
import type { HistoryRollup, Snapshot } from "@/core/snapshot";

const latencySchema = z.object({ p50: z.number(), p95: z.number(), p99: z.number() });

const regionSnapshotSchema = z.object({
  id: z.enum(REGION_IDS),
  name: z.string(),
  status: z.enum(["idle", "ok", "warning", "critical"]),
  statusReason: z.string().nullable(),
  capacity: z.number(),
  viewers: z.number(),
  eventsPerSecond: z.number(),
  latencyMs: latencySchema,
  errorRatePercent: z.number(),
  utilizationPercent: z.number(),
  avgBufferHealth: z.number(),
  qualityChangesPerSecond: z.number(),
  processed: z.number(),
});

/** The board validates what it is sent, so a bad payload is reported instead of breaking the page. */
export const snapshotSchema: z.ZodType<Snapshot> = z.object({
  at: z.number(),
  windowMs: z.number(),
  distributionWindowMs: z.number(),
  regions: z.array(regionSnapshotSchema),
  overall: z.object({
    latencyMs: latencySchema,
    errorRatePercent: z.number(),
    avgBufferHealth: z.number(),
    qualityChangesPerSecond: z.number(),
  }),
  quality: z.record(z.enum(QUALITIES), z.number()),
  network: z.record(z.enum(NETWORK_TYPES), z.number()),
  eventTypes: z.record(z.enum(EVENT_TYPES), z.number()),
  bufferActions: z.record(z.enum(BUFFER_ACTIONS), z.number()),
  totals: z.object({
    viewers: z.number(),
    eventsPerSecond: z.number(),
    accepted: z.number(),
    rejected: z.number(),
    processed: z.number(),
  }),
  rejections: z.array(z.object({ reason: z.string(), count: z.number() })),
});

const historyRollupSchema: z.ZodType<HistoryRollup> = z.object({
  region: z.union([z.enum(REGION_IDS), z.literal("all")]),
  bucketStart: z.number(),
  seconds: z.number(),
  events: z.number(),
  errors: z.number(),
  viewers: z.number(),
  eventsPerSecond: z.number(),
  latencyMs: latencySchema,
  errorRatePercent: z.number(),
  utilizationPercent: z.number(),
  avgBufferHealth: z.number(),
  qualityChanges: z.number(),
});

const historyResponseSchema = z.object({
  from: z.number(),
  to: z.number(),
  rollups: z.array(historyRollupSchema),
});

export type HistoryResponse = z.infer<typeof historyResponseSchema>;

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** A failed request, worded for the operator: which endpoint, and what came back. */
export class ApiError extends Error {
  constructor(
    readonly endpoint: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The first validation issue as "path: message", for error banners. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid payload";
  return issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}

async function fetchJson<T>(endpoint: string, url: string, schema: z.ZodType<T>, signal: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, cache: "no-store", headers: { accept: "application/json" } });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError(endpoint, "the server could not be reached");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    const detail = parsed.success ? `${parsed.data.error.code}: ${parsed.data.error.message}` : response.statusText;
    throw new ApiError(endpoint, `HTTP ${response.status}${detail ? ` (${detail})` : ""}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(endpoint, `unexpected response, ${describeIssue(parsed.error)}`);
  return parsed.data;
}

/** GET /api/snapshot. */
export function fetchSnapshot(signal: AbortSignal): Promise<Snapshot> {
  return fetchJson("/api/snapshot", "/api/snapshot", snapshotSchema, signal);
}

/** GET /api/history for [from, to]; without `region` it answers every region plus "all". */
export function fetchHistory(from: number, to: number, signal: AbortSignal): Promise<HistoryResponse> {
  const query = new URLSearchParams({ from: String(Math.floor(from)), to: String(Math.ceil(to)) });
  return fetchJson("/api/history", `/api/history?${query.toString()}`, historyResponseSchema, signal);
}
