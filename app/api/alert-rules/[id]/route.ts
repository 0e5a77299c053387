import { putAlertRule, removeAlertRule } from "@/server/http/alerts";
import { serveAction } from "@/server/http/auth-guard";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return serveAction(
    request,
    { action: "alert-rule.update", role: "admin", doing: "changing alert rules", target: id },
    (runtime) => putAlertRule(runtime, request, id),
    (rule) => rule.name,
  );
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return serveAction(request, { action: "alert-rule.delete", role: "admin", doing: "deleting alert rules", target: id }, (runtime) =>
    removeAlertRule(runtime, id),
  );
}
