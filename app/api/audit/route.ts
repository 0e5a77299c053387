import { serveRead } from "@/server/http/auth-guard";
import { getAudit } from "@/server/http/get-audit";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return serveRead(request, (runtime) => getAudit(runtime, new URL(request.url).searchParams), {
    role: "operator",
    doing: "reading the audit log",
  });
}
