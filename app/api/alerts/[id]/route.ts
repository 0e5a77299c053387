import { getAlert } from "@/server/http/alerts";
import { serveRead } from "@/server/http/auth-guard";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return serveRead(request, (runtime) => getAlert(runtime, id));
}
