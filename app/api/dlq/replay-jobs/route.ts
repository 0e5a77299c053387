import { startReplayJob } from "@/server/http/replay-dead-letters";
import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleRoute(async () => respondJson(202, await startReplayJob(getRuntime(), request)));
}
