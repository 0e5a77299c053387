import { serveRead } from "@/server/http/auth-guard";
import { getLiveCost } from "@/server/http/get-live-cost";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return serveRead(request, (runtime) => getLiveCost(runtime));
}
