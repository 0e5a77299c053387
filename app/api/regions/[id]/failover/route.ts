import { serveAction } from "@/server/http/auth-guard";
import { controlRegion } from "@/server/http/region-actions";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return serveAction(
    request,
    { action: "region.failover", role: "operator", doing: "failing regions over", target: id },
    (runtime, session) => controlRegion(runtime, id, "failover", request, session.user.username),
    (view) => `${view.active ? "active" : "inactive"}, circuit ${view.circuit}`,
  );
}
