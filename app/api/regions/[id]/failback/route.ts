import { serveAction } from "@/server/http/auth-guard";
import { controlRegion } from "@/server/http/region-actions";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return serveAction(
    request,
    { action: "region.failback", role: "operator", doing: "failing regions back", target: id },
    (runtime, session) => controlRegion(runtime, id, "failback", request, session.user.username),
    (view) => `${view.active ? "active" : "inactive"}, circuit ${view.circuit}`,
  );
}
