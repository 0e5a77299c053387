import { z } from "zod";
import { historyResponseSchema, snapshotSchema, type HistoryResponse, type Snapshot } from "@/core/snapshot";

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
