import { describeAlertChannels, type AlertChannelsResponse } from "@/core/alerts/alert-channels";
import type { Runtime } from "../runtime";
import { listAlertRules } from "../services/list-alert-rules";
import { listLastDeliveries } from "../services/list-last-deliveries";

/** GET /api/alert-channels: each notification channel, configured or not, the enabled rules naming it, and its last delivery. */
export async function getAlertChannels(runtime: Runtime): Promise<AlertChannelsResponse> {
  const [rules, last] = await Promise.all([listAlertRules(runtime.database.prisma), listLastDeliveries(runtime.database.prisma)]);
  return { channels: describeAlertChannels(runtime.configuredAlertChannels, rules, last) };
}
