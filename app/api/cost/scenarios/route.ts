import { createScenario, listScenarios } from "@/server/http/cost-scenarios";
import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleRoute(async () => respondJson(200, await listScenarios(getRuntime(), new URL(request.url).searchParams)));
}

export function POST(request: Request): Promise<Response> {
  return handleRoute(async () => respondJson(201, await createScenario(getRuntime(), request)));
}
