import { evaluateCost } from "@/server/http/evaluate-cost";
import { handleRoute, respondJson } from "@/server/http/respond";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleRoute(async () => respondJson(200, await evaluateCost(request)));
}
