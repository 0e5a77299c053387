import { serveRead } from "@/server/http/auth-guard";
import { getDeadLetterSummary } from "@/server/http/get-dead-letters";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return serveRead(request, (runtime) => getDeadLetterSummary(runtime));
}
