import {
  liveCostResponseSchema,
  savedCostScenarioListSchema,
  savedCostScenarioSchema,
  type LiveCostResponse,
  type SavedCostScenario,
  type SavedCostScenarioList,
} from "@/core/cost/cost-api";
import type { CostScenario } from "@/core/cost/cost-scenario";
import { fetchJson, readJson, sendRequest } from "@/components/ui/api-client";

export const SCENARIOS_QUERY_KEY = ["cost-scenarios"] as const;
export const LIVE_COST_QUERY_KEY = ["cost-live"] as const;

export function createScenarioQueryKey(id: string) {
  return ["cost-scenario", id] as const;
}

/** GET /api/cost/scenarios: saved scenarios, most recently updated first. */
export function fetchScenarios(signal: AbortSignal): Promise<SavedCostScenarioList> {
  return fetchJson("/api/cost/scenarios", "/api/cost/scenarios?limit=500", savedCostScenarioListSchema, signal);
}

/** GET /api/cost/scenarios/:id. */
export function fetchScenario(id: string, signal: AbortSignal): Promise<SavedCostScenario> {
  const url = `/api/cost/scenarios/${encodeURIComponent(id)}`;
  return fetchJson(url, url, savedCostScenarioSchema, signal);
}

/** GET /api/cost/live: the month's compute if tonight's measured events/s held. */
export function fetchLiveCost(signal: AbortSignal): Promise<LiveCostResponse> {
  return fetchJson("/api/cost/live", "/api/cost/live", liveCostResponseSchema, signal);
}

async function sendScenario(method: "POST" | "PUT" | "DELETE", url: string, scenario?: CostScenario): Promise<SavedCostScenario> {
  const response = await sendRequest(url, url, {
    method,
    headers: { accept: "application/json", ...(scenario ? { "content-type": "application/json" } : {}) },
    ...(scenario ? { body: JSON.stringify(scenario) } : {}),
  });
  // The server's own message says what to fix (a field, a deleted scenario), so it is what the person reads.
  return readJson(
    url,
    response,
    savedCostScenarioSchema,
    (status, error) => error?.message ?? `HTTP ${status} ${response.statusText}`.trim(),
  );
}

/** POST /api/cost/scenarios: saves a new scenario. */
export function createScenario(scenario: CostScenario): Promise<SavedCostScenario> {
  return sendScenario("POST", "/api/cost/scenarios", scenario);
}

/** PUT /api/cost/scenarios/:id: replaces a saved scenario. */
export function updateScenario(id: string, scenario: CostScenario): Promise<SavedCostScenario> {
  return sendScenario("PUT", `/api/cost/scenarios/${encodeURIComponent(id)}`, scenario);
}

/** DELETE /api/cost/scenarios/:id. */
export function deleteScenario(id: string): Promise<SavedCostScenario> {
  return sendScenario("DELETE", `/api/cost/scenarios/${encodeURIComponent(id)}`);
}
