import { serveRead } from "@/server/http/auth-guard";
import { getTimeline } from "@/server/http/get-timeline";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return serveRead(request, (runtime) => getTimeline(runtime, new URL(request.url)));
}
