import { createSilence, getSilences } from "@/server/http/alerts";
import { serveAction, serveRead } from "@/server/http/auth-guard";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return serveRead(request, (runtime) => getSilences(runtime));
}

export function POST(request: Request): Promise<Response> {
  return serveAction(
    request,
    {
      action: "silence.create",
      role: "operator",
      doing: "silencing alerts",
      status: 201,
    },
    (runtime, session) => createSilence(runtime, session.user.username, request),
    (silence) =>
      `${silence.ruleId ?? "every rule"} in ${silence.region ?? "every region"} until ${new Date(silence.endsAt).toISOString()}: ${silence.reason}`,
  );
}
