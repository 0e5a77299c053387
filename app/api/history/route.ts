import { getHistory } from "@/server/http/get-history";
import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleRoute(async () => respondJson(200, await getHistory(getRuntime(), new URL(request.url).searchParams)));
}
