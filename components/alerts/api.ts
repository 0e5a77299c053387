import { z } from "zod";
import { alertChannelsResponseSchema, type AlertChannelsResponse } from "@/core/alerts/alert-channels";
import { historyResponseSchema, type HistoryResponse } from "@/core/metrics/snapshot";
import {
  alertRuleInputSchema,
  alertViewSchema,
  type AlertRule,
  type AlertRuleInput,
  type AlertView,
  type Silence,
} from "@/core/alerts/alert-rules";
import { REGION_IDS, type RegionId } from "@/core/routing/regions";
import { alertHistoryEntrySchema, type AlertHistoryEntry } from "@/core/timeline/timeline";
import { ApiError, fetchJson, readJson, sendRequest } from "@/components/ui/api-client";

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

const alertRuleSchema = z.intersection(z.object({ id: z.string() }), alertRuleInputSchema);
const silenceSchema = z.object({
  id: z.string(),
  ruleId: z.string().nullable(),
  region: z.enum(REGION_IDS).nullable(),
  reason: z.string(),
  createdBy: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
});
export const RULES_QUERY_KEY = ["alert-rules"] as const;
export const SILENCES_QUERY_KEY = ["silences"] as const;

const fieldErrorsSchema = z.object({
  error: z.object({
    message: z.string(),
    details: z.object({ fields: z.array(z.object({ path: z.string(), message: z.string() })) }).optional(),
  }),
});

/** A refused rule: the server's reason for each field, to show beside it. */
export class RuleRefusedError extends ApiError {
  constructor(
    message: string,
    readonly fields: ReadonlyArray<{ path: string; message: string }>,
  ) {
    super("/api/alert-rules", message);
  }
}

export function fetchAlertRules(signal: AbortSignal): Promise<{ rules: AlertRule[] }> {
  return fetchJson("/api/alert-rules", "/api/alert-rules", z.object({ rules: z.array(alertRuleSchema) }), signal) as Promise<{
    rules: AlertRule[];
  }>;
}

async function sendJson(endpoint: string, url: string, method: string, body?: unknown): Promise<Response> {
  return sendRequest(endpoint, url, {
    method,
    headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Creates a rule (id null) or replaces one; a 400 becomes a RuleRefusedError with each bad field. */
export async function saveAlertRule(id: string | null, rule: AlertRuleInput): Promise<AlertRule> {
  const url = id ? `/api/alert-rules/${id}` : "/api/alert-rules";
  const response = await sendJson("/api/alert-rules", url, id ? "PUT" : "POST", rule);
  if (response.status === 400) {
    const refused = fieldErrorsSchema.safeParse(await response.json().catch(() => null));
    if (refused.success) throw new RuleRefusedError(refused.data.error.message, refused.data.error.details?.fields ?? []);
  }
  return (await readJson(url, response, alertRuleSchema, (status, error) => error?.message ?? `HTTP ${status}`)) as AlertRule;
}

export async function deleteAlertRule(id: string): Promise<void> {
  const url = `/api/alert-rules/${id}`;
  await readJson(
    url,
    await sendJson("/api/alert-rules/:id", url, "DELETE"),
    z.object({ deleted: z.string() }),
    (status, error) => error?.message ?? `HTTP ${status}`,
  );
}

export function fetchSilences(signal: AbortSignal): Promise<{ silences: Silence[] }> {
  return fetchJson("/api/silences", "/api/silences", z.object({ silences: z.array(silenceSchema) }), signal);
}

export async function createSilence(input: {
  ruleId: string | null;
  region: RegionId | null;
  reason: string;
  durationMinutes: number;
}): Promise<Silence> {
  return readJson(
    "/api/silences",
    await sendJson("/api/silences", "/api/silences", "POST", input),
    silenceSchema,
    (status, error) => error?.message ?? `HTTP ${status}`,
  );
}

export const ALERT_CHANNELS_QUERY_KEY = ["alert-channels"] as const;

/** GET /api/alert-channels: each channel, configured or not, and its last delivery. */
export function fetchAlertChannels(signal: AbortSignal): Promise<AlertChannelsResponse> {
  return fetchJson("/api/alert-channels", "/api/alert-channels", alertChannelsResponseSchema, signal);
}

/** GET /api/history for one region over [from, to]. */
export function fetchRegionHistory(region: RegionId, from: number, to: number, signal: AbortSignal): Promise<HistoryResponse> {
  const query = new URLSearchParams({ region, from: String(Math.floor(from)), to: String(Math.ceil(to)) });
  return fetchJson("/api/history", `/api/history?${query.toString()}`, historyResponseSchema, signal);
}
