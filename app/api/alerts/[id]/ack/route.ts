import { ackAlert } from "@/server/http/alerts";
import { serveAction } from "@/server/http/auth-guard";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return serveAction(
    request,
    { action: "alert.ack", role: "operator", doing: "acknowledging alerts", target: id },
    (runtime, session) => ackAlert(runtime, id, session.user.username, request),
    (alert) => alert.note ?? "",
  );
}
