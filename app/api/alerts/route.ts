import { getAlerts } from "@/server/http/alerts";
import { serveRead } from "@/server/http/auth-guard";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return serveRead(request, (runtime) => getAlerts(runtime, new URL(request.url)));
}
