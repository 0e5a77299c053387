import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

// 200 whenever the server answers; each component's own status says what works.
export function GET(): Promise<Response> {
  return handleRoute(async () => respondJson(200, await getRuntime().checkHealth()));
}
