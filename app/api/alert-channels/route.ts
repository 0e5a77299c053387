import { serveRead } from "@/server/http/auth-guard";
import { getAlertChannels } from "@/server/http/get-alert-channels";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return serveRead(request, (runtime) => getAlertChannels(runtime));
}
