import { ackAlert } from "@/server/http/alerts";
import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

// Who acknowledged comes from the signed-in operator once sessions exist; until then "operator".
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleRoute(async () => respondJson(200, await ackAlert(getRuntime(), (await params).id, "operator", request)));
}
