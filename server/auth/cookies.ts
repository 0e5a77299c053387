import { SESSION_COOKIE } from "@/core/auth/auth";

/** The request header server/bootstrap/http.ts sets to the TCP peer's address (replacing any a client sent), for the sign-in limit. */
export const PEER_HEADER = "x-signalbox-peer";

/** A session lasts one evening of on-call and then asks to sign in again. */
export const SESSION_TTL_MS = 12 * 3_600_000;

/** The session token from a Cookie header, if any. */
export function readSessionCookie(cookieHeader: string | null | undefined): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join("=")) || null;
  }
  return null;
}

/** Set-Cookie for a new session: httpOnly so page scripts cannot read it, SameSite=Lax so other sites' forms do not carry it. */
export function createSessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_TTL_MS / 1000}${secure ? "; Secure" : ""}`;
}

/** Set-Cookie that removes the session cookie. */
export function createClearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? "; Secure" : ""}`;
}
