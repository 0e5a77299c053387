import { serveRead } from "@/server/http/auth-guard";
import { getDeadLetterDetail } from "@/server/http/get-dead-letters";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return serveRead(request, (runtime) => getDeadLetterDetail(runtime, id));
}
