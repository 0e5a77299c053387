import { getAlertRules, putAlertRule } from "@/server/http/alerts";
import { serveAction, serveRead } from "@/server/http/auth-guard";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return serveRead(request, (runtime) => getAlertRules(runtime));
}

export function POST(request: Request): Promise<Response> {
  return serveAction(
    request,
    { action: "alert-rule.create", role: "admin", doing: "creating alert rules", status: 201 },
    (runtime) => putAlertRule(runtime, request),
    (rule) => `${rule.id} ${rule.name}`,
  );
}
