import { endFaults, listFaults, startFault } from "@/server/http/chaos";
import { handleRoute, respondJson } from "@/server/http/respond";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleRoute(async () => respondJson(201, await startFault(getRuntime(), request)));
}

export function GET(): Promise<Response> {
  return handleRoute(async () => respondJson(200, listFaults(getRuntime())));
}

export function DELETE(): Promise<Response> {
  return handleRoute(async () => respondJson(200, endFaults(getRuntime())));
}
