import { describeDrill } from "@/core/drills/drills";
import { serveAction } from "@/server/http/auth-guard";
import { endFault } from "@/server/http/chaos";

export const dynamic = "force-dynamic";

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return serveAction(
    request,
    { action: "chaos.stop", role: "operator", doing: "stopping chaos drills", target: id },
    (runtime, session) => endFault(runtime, id, session),
    ({ ended }) => `ended ${describeDrill(ended)}`,
  );
}
