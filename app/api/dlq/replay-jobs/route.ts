import { serveAction } from "@/server/http/auth-guard";
import { startReplayJob } from "@/server/http/replay-dead-letters";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return serveAction(
    request,
    { action: "dlq.replay-job", role: "operator", doing: "replaying dead letters", status: 202 },
    (runtime, session) => startReplayJob(runtime, request, session.user.username),
    (job) => `job ${job.id} started: ${job.total} entries`,
  );
}
