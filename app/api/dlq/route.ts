import { getDeadLetters } from "@/server/http/get-dead-letters";
import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleRoute(async () => respondJson(200, await getDeadLetters(getRuntime(), new URL(request.url).searchParams)));
}
