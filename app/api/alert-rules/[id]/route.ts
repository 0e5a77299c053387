import { putAlertRule, removeAlertRule } from "@/server/http/alerts";
import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export function PUT(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleRoute(async () => respondJson(200, await putAlertRule(getRuntime(), request, (await params).id)));
}

export function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleRoute(async () => respondJson(200, await removeAlertRule(getRuntime(), (await params).id)));
}
