import { z } from "zod";
import {
  ALERT_SEVERITIES,
  ALERT_STATES,
  alertRuleInputSchema,
  silenceInputSchema,
  type AlertRule,
  type AlertView,
  type Silence,
} from "@/core/alerts/alert-rules";
import { REGION_IDS } from "@/core/routing/regions";
import type { Runtime } from "../runtime";
import { deleteAlertRule } from "../services/delete-alert-rule";
import type { AlertHistoryEntry } from "@/core/timeline/timeline";
import { getAlertHistory } from "../services/get-alert-history";
import { listAlertRules } from "../services/list-alert-rules";
import { listAlerts } from "../services/list-alerts";
import { saveAlertRule } from "../services/save-alert-rule";
import { readJsonBody } from "./respond";
import { instantSchema, parseBody, parseId, parseQuery } from "./validate";

const MAX_BODY_BYTES = 16 * 1024;

const alertIdSchema = z.uuid({ error: "must be an alert id (a UUID)" });
const ruleIdSchema = z.uuid({ error: "must be an alert rule id (a UUID)" });

const alertQuerySchema = z.object({
  state: z.enum([...ALERT_STATES, "active"], { error: `state must be one of ${[...ALERT_STATES, "active"].join(", ")}` }).optional(),
  region: z.enum(REGION_IDS, { error: `region must be one of ${REGION_IDS.join(", ")}` }).optional(),
  severity: z.enum(ALERT_SEVERITIES, { error: `severity must be one of ${ALERT_SEVERITIES.join(", ")}` }).optional(),
  ruleId: z.uuid({ error: "ruleId must be a rule's id" }).optional(),
  /** Alerts that fired in [from, to). */
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be 1 to 500")
    .max(500, "limit must be 1 to 500")
    .default(100),
});

const ackBodySchema = z
  .object({ note: z.string().trim().min(1, "note must say what you are doing about it").max(1000, "note must be at most 1000 characters") })
  .strict();

/** GET /api/alerts?state=&region=&severity=&ruleId=&from=&to=&limit=: alerts newest first, the open ones with what they measure now. */
export async function getAlerts(runtime: Runtime, url: URL): Promise<{ alerts: AlertView[] }> {
  const query = parseQuery(alertQuerySchema, url.searchParams);
  const now = Date.now();
  return { alerts: (await listAlerts(runtime.database.prisma, query)).map((alert) => runtime.alerts.present(alert, now)) };
}

/** GET /api/alerts/:id: the alert (with what it measures now while open) and its history (state changes and notification attempts). */
export async function getAlert(runtime: Runtime, id: string): Promise<{ alert: AlertView; history: AlertHistoryEntry[] }> {
  const alertId = parseId(alertIdSchema, id);
  const { alert, history } = await getAlertHistory(runtime.database.prisma, alertId);
  return { alert: runtime.alerts.present(alert, Date.now()), history };
}

/** POST /api/alerts/:id/ack {note}: take ownership of a firing alert. */
export async function ackAlert(runtime: Runtime, id: string, by: string, request: Request): Promise<AlertView> {
  const alertId = parseId(alertIdSchema, id);
  const body = parseBody(ackBodySchema, await readJsonBody(request, MAX_BODY_BYTES));
  return runtime.alerts.acknowledge(alertId, by, body.note, Date.now());
}

/** POST /api/silences {ruleId?, region?, reason, durationMinutes}: matching alerts notify nobody until it ends. */
export async function createSilence(runtime: Runtime, by: string, request: Request): Promise<Silence> {
  const body = parseBody(silenceInputSchema, await readJsonBody(request, MAX_BODY_BYTES));
  return runtime.alerts.silence(
    { ruleId: body.ruleId, region: body.region, reason: body.reason, createdBy: by },
    body.durationMinutes,
    Date.now(),
  );
}

/** GET /api/silences: the silences that have not ended. */
export function getSilences(runtime: Runtime): { silences: Silence[] } {
  return { silences: runtime.alerts.activeSilences(Date.now()) };
}

/** GET /api/alert-rules. */
export async function getAlertRules(runtime: Runtime): Promise<{ rules: AlertRule[] }> {
  return { rules: await listAlertRules(runtime.database.prisma) };
}

/** POST /api/alert-rules (create) and PUT /api/alert-rules/:id (replace); the engine uses them from its next evaluation. */
export async function putAlertRule(runtime: Runtime, request: Request, id?: string): Promise<AlertRule> {
  const ruleId = id === undefined ? undefined : parseId(ruleIdSchema, id);
  const input = parseBody(alertRuleInputSchema, await readJsonBody(request, MAX_BODY_BYTES));
  const rule = await saveAlertRule(runtime.database.prisma, input, Date.now(), ruleId);
  await runtime.alerts.reloadRules();
  return rule;
}

/** DELETE /api/alert-rules/:id: the rule stops; its alerts resolve and keep their history. */
export async function removeAlertRule(runtime: Runtime, id: string): Promise<{ deleted: string }> {
  const ruleId = parseId(ruleIdSchema, id);
  await deleteAlertRule(runtime.database.prisma, ruleId, Date.now());
  await runtime.alerts.reloadRules();
  return { deleted: id };
}
