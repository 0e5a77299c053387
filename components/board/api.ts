import { z } from "zod";
import {
  regionStateSchema,
  regionsResponseSchema,
  type RegionAction,
  type RegionChange,
  type RegionState,
  type RegionsResponse,
} from "@/core/region-state";
import type { RegionId } from "@/core/regions";
import { historyResponseSchema, snapshotSchema, type HistoryResponse, type Snapshot } from "@/core/snapshot";

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const SNAPSHOT_QUERY_KEY = ["snapshot"] as const;
export const REGIONS_QUERY_KEY = ["regions"] as const;

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

async function sendRequest(endpoint: string, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, cache: "no-store" });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError(endpoint, "the server could not be reached");
  }
}

async function readJson<T>(
  endpoint: string,
  response: Response,
  schema: z.ZodType<T>,
  describeRefusal: (status: number, error: { code: string; message: string } | null) => string,
): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    throw new ApiError(endpoint, describeRefusal(response.status, parsed.success ? parsed.data.error : null));
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(endpoint, `unexpected response, ${describeIssue(parsed.error)}`);
  return parsed.data;
}

async function fetchJson<T>(endpoint: string, url: string, schema: z.ZodType<T>, signal: AbortSignal): Promise<T> {
  const response = await sendRequest(endpoint, url, { signal, headers: { accept: "application/json" } });
  return readJson(endpoint, response, schema, (status, error) => {
    const detail = error ? `${error.code}: ${error.message}` : response.statusText;
    return `HTTP ${status}${detail ? ` (${detail})` : ""}`;
  });
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

export type RegionChangeAction = RegionAction;
export type { RegionChange, RegionState, RegionsResponse };

/** GET /api/regions: routing state of every region and the latest changes, newest first. */
export function fetchRegions(signal: AbortSignal): Promise<RegionsResponse> {
  return fetchJson("/api/regions", "/api/regions", regionsResponseSchema, signal);
}

/** What an operator can do to a region's routing from the board. */
export type RegionControl = "failover" | "failback" | "trip" | "reset";

function createControlRequest(control: RegionControl, reason: string | undefined): { path: string; body: object } {
  switch (control) {
    case "failover":
    case "failback":
      return { path: control, body: { reason } };
    case "trip":
    case "reset":
      return { path: "breaker", body: { action: control, reason } };
  }
}

/**
 * POST /api/regions/:id/failover | failback | breaker. A refusal throws the server's own message
 * (such as the 409 for the last active region), since that is what the operator needs to read.
 */
export async function sendRegionControl(region: RegionId, control: RegionControl, reason: string): Promise<RegionState> {
  // The server refuses an empty reason; a blank field means "no reason given".
  const { path, body } = createControlRequest(control, reason.trim() || undefined);
  const url = `/api/regions/${region}/${path}`;
  const response = await sendRequest(url, url, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return readJson(url, response, regionStateSchema, (status, error) => error?.message ?? `HTTP ${status} ${response.statusText}`.trim());
}
