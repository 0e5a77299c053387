import { getTimeline } from "@/server/http/get-timeline";
import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleRoute(async () => respondJson(200, await getTimeline(getRuntime(), new URL(request.url))));
}
