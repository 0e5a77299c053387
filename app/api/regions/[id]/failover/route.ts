import { controlRegion } from "@/server/http/region-actions";
import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleRoute(async () => respondJson(200, await controlRegion(getRuntime(), (await params).id, "failover", request)));
}
