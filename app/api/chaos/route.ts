import { describeDrill, formatDuration } from "@/core/drills/drills";
import { serveAction, serveRead } from "@/server/http/auth-guard";
import { endFaults, listFaults, startFault } from "@/server/http/chaos";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return serveAction(
    request,
    {
      action: "chaos.start",
      role: "operator",
      doing: "starting chaos drills",
      status: 201,
    },
    (runtime, session) => startFault(runtime, request, session),
    (drill) => `${describeDrill(drill)} for ${formatDuration(drill.durationSeconds)}`,
  );
}

export function GET(request: Request): Promise<Response> {
  return serveRead(request, (runtime) => listFaults(runtime));
}

export function DELETE(request: Request): Promise<Response> {
  return serveAction(
    request,
    { action: "chaos.end", role: "operator", doing: "ending chaos drills" },
    (runtime, session) => endFaults(runtime, session),
    ({ ended }) => `ended ${ended} drill(s)`,
  );
}
