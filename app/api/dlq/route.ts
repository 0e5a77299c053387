import { serveRead } from "@/server/http/auth-guard";
import { getDeadLetters } from "@/server/http/get-dead-letters";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return serveRead(request, (runtime) => getDeadLetters(runtime, new URL(request.url).searchParams));
}
