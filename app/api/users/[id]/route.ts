import { serveAction } from "@/server/http/auth-guard";
import { changeUser, removeUser } from "@/server/http/users";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return serveAction(
    request,
    { action: "user.update", role: "admin", doing: "changing users", target: id },
    (runtime) => changeUser(runtime, id, request),
    (user) => `${user.username} is ${user.role}`,
  );
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return serveAction(
    request,
    { action: "user.delete", role: "admin", doing: "deleting users", target: id },
    (runtime, session) => removeUser(runtime, id, session.user.username),
    (user) => `${user.username} (${user.role})`,
  );
}
