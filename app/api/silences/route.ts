import { createSilence, getSilences } from "@/server/http/alerts";
import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return handleRoute(async () => respondJson(200, getSilences(getRuntime())));
}

// Who silenced comes from the signed-in operator once sessions exist; until then "operator".
export function POST(request: Request): Promise<Response> {
  return handleRoute(async () => respondJson(201, await createSilence(getRuntime(), "operator", request)));
}
