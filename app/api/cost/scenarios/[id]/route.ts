import { deleteScenario, getScenario, updateScenario } from "@/server/http/cost-scenarios";
import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export function GET(_request: Request, { params }: Context): Promise<Response> {
  return handleRoute(async () => respondJson(200, await getScenario(getRuntime(), (await params).id)));
}

export function PUT(request: Request, { params }: Context): Promise<Response> {
  return handleRoute(async () => respondJson(200, await updateScenario(getRuntime(), (await params).id, request)));
}

export function DELETE(_request: Request, { params }: Context): Promise<Response> {
  return handleRoute(async () => respondJson(200, await deleteScenario(getRuntime(), (await params).id)));
}
