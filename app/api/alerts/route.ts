import { getAlerts } from "@/server/http/alerts";
import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleRoute(async () => respondJson(200, await getAlerts(getRuntime(), new URL(request.url))));
}
