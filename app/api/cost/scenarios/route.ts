import { serveAction, serveRead } from "@/server/http/auth-guard";
import { createScenario, listScenarios } from "@/server/http/cost-scenarios";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return serveRead(request, (runtime) => listScenarios(runtime, new URL(request.url).searchParams));
}

export function POST(request: Request): Promise<Response> {
  return serveAction(
    request,
    { action: "cost-scenario.create", role: "operator", doing: "saving cost scenarios", status: 201 },
    (runtime) => createScenario(runtime, request),
    (saved) => `${saved.id} ${saved.name}`,
  );
}
