import { serveRead } from "@/server/http/auth-guard";
import { getReplayJobDetail } from "@/server/http/replay-dead-letters";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return serveRead(request, (runtime) => getReplayJobDetail(runtime, id));
}
