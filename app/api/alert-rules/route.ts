import { getAlertRules, putAlertRule } from "@/server/http/alerts";
import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return handleRoute(async () => respondJson(200, await getAlertRules(getRuntime())));
}

export function POST(request: Request): Promise<Response> {
  return handleRoute(async () => respondJson(201, await putAlertRule(getRuntime(), request)));
}
