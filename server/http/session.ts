import { z } from "zod";
import type { SessionResponse } from "@/core/auth/auth";
import { createClearedSessionCookie, createSessionCookie, PEER_HEADER, SESSION_TTL_MS } from "../auth/cookies";
import { verifyPassword } from "../auth/passwords";
import { createToken, hashToken } from "../auth/session-tokens";
import { AppError } from "../errors";
import { getRuntime } from "../runtime";
import { findUserForSignIn } from "../services/user-accounts";
import { createSession, deleteSession } from "../services/user-sessions";
import { describeFailure, findRequestSession, requireUser, writeAudit } from "./auth-guard";
import { handleRoute, readJsonBody, respondJson } from "./respond";
import { parseBody } from "./validate";

const signInSchema = z
  .object({
    username: z
      .string({ error: "username is required" })
      .trim()
      .toLowerCase()
      .min(1, "username is required")
      .max(100, "username must be at most 100 characters"),
    password: z
      .string({ error: "password is required" })
      .min(1, "password is required")
      .max(200, "password must be at most 200 characters"),
  })
  .strict();

/** Cookies get Secure when the page was reached over https (directly or through a proxy that says so). */
function isSecure(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

/**
 * POST /api/session {username, password}: signs in, setting the session cookie and answering the
 * user and the CSRF token. A username and address with 5 failures in 5 minutes get 429 until the
 * oldest is 5 minutes old, the right password included.
 */
export function signIn(request: Request): Promise<Response> {
  return handleRoute(async () => {
    const runtime = getRuntime();
    const now = Date.now();
    let target: string | null = null;
    try {
      const { username, password } = parseBody(signInSchema, await readJsonBody(request, 4096));
      target = username;
      const limitKey = `${username}|${request.headers.get(PEER_HEADER) ?? "unknown"}`;
      const retryAfter = runtime.loginLimiter.retryAfterSeconds(limitKey, now);
      if (retryAfter > 0) {
        throw new AppError("too_many_requests", `Too many failed sign-ins for ${username}; try again in ${retryAfter} s.`, undefined, {
          "retry-after": String(retryAfter),
        });
      }
      // Counted as a failure before the first await, so parallel attempts cannot all pass the check; a success clears it.
      runtime.loginLimiter.recordFailure(limitKey, now);
      const user = await findUserForSignIn(runtime.database.prisma, username);
      if (!(await verifyPassword(user?.passwordHash ?? null, password)) || !user) {
        throw new AppError("unauthenticated", "Wrong username or password.");
      }
      runtime.loginLimiter.recordSuccess(limitKey);
      const token = createToken();
      const csrfToken = createToken();
      await createSession(
        runtime.database.prisma,
        { userId: user.id, tokenHash: hashToken(token), csrfToken, expiresAt: now + SESSION_TTL_MS },
        now,
      );
      await writeAudit(runtime, {
        at: now,
        actor: username,
        action: "session.sign-in",
        target: username,
        outcome: "ok",
        detail: `signed in as ${user.role}`,
      });
      const body: SessionResponse = { user: { username: user.username, role: user.role }, csrfToken };
      return respondJson(200, body, { "set-cookie": createSessionCookie(token, isSecure(request)) });
    } catch (error) {
      await writeAudit(runtime, { at: now, actor: null, action: "session.sign-in", target, ...describeFailure(error) });
      throw error;
    }
  });
}

/** GET /api/session: who is signed in and the CSRF token; 401 when nobody is. */
export function getSession(request: Request): Promise<Response> {
  return handleRoute(async () => {
    const session = await requireUser(getRuntime(), request, "viewer", "reading the session");
    const body: SessionResponse = { user: { username: session.user.username, role: session.user.role }, csrfToken: session.csrfToken };
    return respondJson(200, body);
  });
}

/** DELETE /api/session: signs out (the session is deleted, the cookie cleared). */
export function signOut(request: Request): Promise<Response> {
  return handleRoute(async () => {
    const runtime = getRuntime();
    const at = Date.now();
    const cleared = { "set-cookie": createClearedSessionCookie(isSecure(request)) };
    const actor = (await findRequestSession(runtime, request))?.user.username ?? null;
    try {
      const session = await requireUser(runtime, request, "viewer", "signing out");
      await deleteSession(runtime.database.prisma, session.id);
      await writeAudit(runtime, { at, actor, action: "session.sign-out", target: actor, outcome: "ok", detail: null });
      return respondJson(200, { signedOut: true }, cleared);
    } catch (error) {
      await writeAudit(runtime, { at, actor, action: "session.sign-out", target: actor, ...describeFailure(error) });
      throw error;
    }
  });
}
