import {
  regionStateSchema,
  regionsResponseSchema,
  type RegionAction,
  type RegionChange,
  type RegionState,
  type RegionsResponse,
} from "@/core/routing/region-state";
import type { RegionId } from "@/core/routing/regions";
import { historyResponseSchema, snapshotSchema, type HistoryResponse, type Snapshot } from "@/core/metrics/snapshot";
import { fetchJson, readJson, sendRequest } from "@/components/ui/api-client";

export const SNAPSHOT_QUERY_KEY = ["snapshot"] as const;
export const REGIONS_QUERY_KEY = ["regions"] as const;

/** GET /api/snapshot. */
export function fetchSnapshot(signal: AbortSignal): Promise<Snapshot> {
  return fetchJson("/api/snapshot", "/api/snapshot", snapshotSchema, signal);
}

/** GET /api/history for [from, to]; without `region` it answers every region plus "all". */
export function fetchHistory(from: number, to: number, signal: AbortSignal, region?: RegionId): Promise<HistoryResponse> {
  const query = new URLSearchParams({ from: String(Math.floor(from)), to: String(Math.ceil(to)) });
  if (region) query.set("region", region);
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
