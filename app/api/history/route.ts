import { serveRead } from "@/server/http/auth-guard";
import { getHistory } from "@/server/http/get-history";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return serveRead(request, (runtime) => getHistory(runtime, new URL(request.url).searchParams));
}
