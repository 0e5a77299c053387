import { serveRead } from "@/server/http/auth-guard";
import { getRegions } from "@/server/http/region-actions";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return serveRead(request, (runtime) => getRegions(runtime));
}
