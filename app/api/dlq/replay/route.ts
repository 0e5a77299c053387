import { serveAction } from "@/server/http/auth-guard";
import { replayDeadLetters } from "@/server/http/replay-dead-letters";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return serveAction(
    request,
    {
      action: "dlq.replay",
      role: "operator",
      doing: "replaying dead letters",
    },
    (runtime, session) => replayDeadLetters(runtime, request, session.user.username),
    (result) =>
      `${result.dryRun ? "dry run" : `job ${result.jobId}`}: ${result.requeued} requeued, ${result.refused} refused, ${result.invalid} invalid, ${result.missing} missing`,
  );
}
