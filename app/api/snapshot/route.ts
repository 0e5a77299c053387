import { serveRead } from "@/server/http/auth-guard";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return serveRead(request, (runtime) => runtime.hub.latestSnapshot());
}
