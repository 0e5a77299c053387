import { getRegions } from "@/server/http/region-actions";
import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return handleRoute(async () => respondJson(200, await getRegions(getRuntime())));
}
