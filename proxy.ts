import { NextResponse, type NextRequest } from "next/server";
import { hasPageSession } from "@/server/http/check-page-session";

/** Every page but /login needs a signed-in session; without one the person signs in and comes back here. */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (await hasPageSession(request)) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

// The API answers 401 itself; Next's assets, the icon and the login page stay open.
export const config = {
  matcher: ["/((?!api/|_next/|login|icon.svg|favicon.ico).*)"],
};
