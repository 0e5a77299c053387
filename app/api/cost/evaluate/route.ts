import { serveAction } from "@/server/http/auth-guard";
import { evaluateCost } from "@/server/http/evaluate-cost";

export const dynamic = "force-dynamic";

// A POST that changes nothing: any signed-in user, with the CSRF token, and not audited.
export function POST(request: Request): Promise<Response> {
  return serveAction(request, { action: "cost.evaluate", role: "viewer", doing: "evaluating cost scenarios", audited: false }, () =>
    evaluateCost(request),
  );
}
