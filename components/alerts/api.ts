import { z } from "zod";
import { alertViewSchema, type AlertView } from "@/core/alert-rules";
import { REGION_IDS } from "@/core/regions";
import { alertHistoryEntrySchema, type AlertHistoryEntry } from "@/core/timeline";
import { fetchJson, readJson, sendRequest } from "@/components/ui/api-client";

/** Acknowledges a firing alert with a note; the server's refusal (already acknowledged, resolved) becomes the error. */
export async function acknowledgeAlert(id: string, note: string): Promise<AlertView> {
  const url = `/api/alerts/${id}/ack`;
  const response = await sendRequest("/api/alerts/:id/ack", url, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify({ note }),
  });
  return readJson(url, response, alertViewSchema, (status, error) => error?.message ?? `HTTP ${status} ${response.statusText}`.trim());
}

/** Every query of alert lists and details starts with this, so one invalidation refreshes them all. */
export const ALERTS_QUERY_KEY = ["alerts"] as const;

const alertListSchema = z.object({ alerts: z.array(alertViewSchema) });
const alertDetailSchema = z.object({ alert: alertViewSchema, history: z.array(alertHistoryEntrySchema) });

/** The history page's filters; every one optional, as in the address bar. */
export interface AlertFilters {
  state: string;
  region: string;
  severity: string;
  ruleId: string;
  /** Hours back from now that the alerts fired in. */
  hours: string;
}

/** The query string for `filters`, leaving out the empty ones. */
export function buildAlertQuery(filters: AlertFilters, now: number): string {
  const params = new URLSearchParams();
  if (filters.state) params.set("state", filters.state);
  if (filters.region) params.set("region", filters.region);
  if (filters.severity) params.set("severity", filters.severity);
  if (filters.ruleId) params.set("ruleId", filters.ruleId);
  if (filters.hours) params.set("from", String(now - Number(filters.hours) * 3_600_000));
  params.set("limit", "500");
  return params.toString();
}

export function fetchAlerts(query: string, signal: AbortSignal): Promise<{ alerts: AlertView[] }> {
  return fetchJson("/api/alerts", `/api/alerts?${query}`, alertListSchema, signal);
}

export function fetchAlert(id: string, signal: AbortSignal): Promise<{ alert: AlertView; history: AlertHistoryEntry[] }> {
  return fetchJson("/api/alerts/:id", `/api/alerts/${encodeURIComponent(id)}`, alertDetailSchema, signal);
}

/** What the history's rule filter needs of a rule. */
const ruleSummarySchema = z.object({ id: z.string(), name: z.string(), region: z.enum(REGION_IDS).nullable() });
export type RuleSummary = z.infer<typeof ruleSummarySchema>;

export function fetchRuleSummaries(signal: AbortSignal): Promise<{ rules: RuleSummary[] }> {
  return fetchJson("/api/alert-rules", "/api/alert-rules", z.object({ rules: z.array(ruleSummarySchema) }), signal);
}
