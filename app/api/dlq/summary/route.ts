import { getDeadLetterSummary } from "@/server/http/get-dead-letters";
import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return handleRoute(async () => respondJson(200, await getDeadLetterSummary(getRuntime())));
}
