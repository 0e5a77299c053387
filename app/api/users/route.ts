import { serveAction, serveRead } from "@/server/http/auth-guard";
import { addUser, getUsers } from "@/server/http/users";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return serveRead(request, (runtime) => getUsers(runtime), { role: "admin", doing: "listing users" });
}

export function POST(request: Request): Promise<Response> {
  return serveAction(
    request,
    { action: "user.create", role: "admin", doing: "creating users", status: 201 },
    (runtime) => addUser(runtime, request),
    (user) => `${user.username} as ${user.role}`,
  );
}
