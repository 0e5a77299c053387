import { serveAction, serveRead } from "@/server/http/auth-guard";
import { deleteScenario, getScenario, updateScenario } from "@/server/http/cost-scenarios";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return serveRead(request, (runtime) => getScenario(runtime, id));
}

export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return serveAction(
    request,
    { action: "cost-scenario.update", role: "operator", doing: "changing cost scenarios", target: id },
    (runtime) => updateScenario(runtime, id, request),
    (saved) => saved.name,
  );
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return serveAction(
    request,
    { action: "cost-scenario.delete", role: "operator", doing: "deleting cost scenarios", target: id },
    (runtime) => deleteScenario(runtime, id),
    (saved) => saved.name,
  );
}
