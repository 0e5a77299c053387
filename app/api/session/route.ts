import { getSession, signIn, signOut } from "@/server/http/session";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return signIn(request);
}

export function GET(request: Request): Promise<Response> {
  return getSession(request);
}

export function DELETE(request: Request): Promise<Response> {
  return signOut(request);
}
