import { getReplayJobDetail } from "@/server/http/replay-dead-letters";
import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleRoute(async () => respondJson(200, await getReplayJobDetail(getRuntime(), (await params).id)));
}
