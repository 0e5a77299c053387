import { timingSafeEqual } from "node:crypto";
import { CSRF_HEADER, hasRole, type Role } from "@/core/auth/auth";
import { readSessionCookie } from "../auth/cookies";
import { hashToken } from "../auth/session-tokens";
import { AppError, isAppError } from "../errors";
import { getRuntime, type Runtime } from "../runtime";
import { recordAudit, type AuditRecord } from "../services/audit-log";
import { findSession, type SessionRecord } from "../services/user-sessions";
import { handleRoute, respondJson } from "./respond";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function matches(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The session the request's cookie names, or null when there is none or it expired. */
export async function findRequestSession(runtime: Runtime, request: Request): Promise<SessionRecord | null> {
  const token = readSessionCookie(request.headers.get("cookie"));
  return token ? findSession(runtime.database.prisma, hashToken(token), Date.now()) : null;
}

/**
 * The one guard of every signed-in endpoint: 401 without a live session, 403 when a mutation lacks
 * the session's CSRF token, 403 when the role is below `role`. `doing` words the refusal
 * ("acknowledging alerts needs the operator role; you are a viewer").
 */
export async function requireUser(runtime: Runtime, request: Request, role: Role, doing: string): Promise<SessionRecord> {
  return checkAccess(await findRequestSession(runtime, request), request, role, doing);
}

function checkAccess(session: SessionRecord | null, request: Request, role: Role, doing: string): SessionRecord {
  if (!session)
    throw new AppError("unauthenticated", "Sign in first: open /login, or POST /api/session {username, password} and send its cookie.");
  if (!SAFE_METHODS.has(request.method) && !matches(request.headers.get(CSRF_HEADER) ?? "", session.csrfToken)) {
    throw new AppError(
      "forbidden",
      `This change needs the ${CSRF_HEADER} header with the csrfToken that GET /api/session answers; it was missing or wrong, so the request may not come from a Signalbox page.`,
    );
  }
  if (!hasRole(session.user.role, role))
    throw new AppError(
      "forbidden",
      `${doing} needs the ${role} role; you are ${/^[aeiou]/.test(session.user.role) ? "an" : "a"} ${session.user.role}`,
    );
  return session;
}

/** Writes an audit entry; a failing write is logged, never turned into a failure of the action it records. */
export async function writeAudit(runtime: Runtime, record: AuditRecord): Promise<void> {
  await recordAudit(runtime.database.prisma, record).catch((error: unknown) =>
    console.error(`[audit] could not record ${record.action}`, error),
  );
}

/** The audit outcome of a failure: its error code, "internal" for anything unexpected. */
export function describeFailure(error: unknown): { outcome: string; detail: string } {
  return isAppError(error)
    ? { outcome: error.code, detail: error.message.slice(0, 500) }
    : { outcome: "internal", detail: "an unexpected failure" };
}

const ANY_SIGNED_IN = { role: "viewer", doing: "reading Signalbox" } as const;

/** GET endpoints: any signed-in user unless `access` asks for more. */
export function serveRead(
  request: Request,
  run: (runtime: Runtime, session: SessionRecord) => Promise<unknown> | unknown,
  access: { role: Role; doing: string } = ANY_SIGNED_IN,
): Promise<Response> {
  return handleRoute(async () => {
    const runtime = getRuntime();
    const session = await requireUser(runtime, request, access.role, access.doing);
    return respondJson(200, await run(runtime, session));
  });
}

export interface ActionSpec {
  /** "region.failover", "alert.ack"…: what the audit log calls it. */
  action: string;
  role: Role;
  /** The refusal's words for it: "failing regions over". */
  doing: string;
  target?: string | null;
  /** 200 unless given. */
  status?: number;
  /** false for a POST that changes nothing (a cost evaluation): guarded, not recorded. */
  audited?: boolean;
}

/**
 * Mutating endpoints: the guard, the action, and one audit entry with who, what and the outcome,
 * refusals included; `describe` gives the entry a short line from the result.
 */
export function serveAction<T>(
  request: Request,
  spec: ActionSpec,
  run: (runtime: Runtime, session: SessionRecord) => Promise<T> | T,
  describe?: (result: T) => string,
): Promise<Response> {
  return handleRoute(async () => {
    const runtime = getRuntime();
    const base = { at: Date.now(), action: spec.action, target: spec.target ?? null };
    const found = await findRequestSession(runtime, request);
    const actor = found?.user.username ?? null;
    try {
      const session = checkAccess(found, request, spec.role, spec.doing);
      const result = await run(runtime, session);
      if (spec.audited !== false)
        await writeAudit(runtime, { ...base, actor, outcome: "ok", detail: describe?.(result).slice(0, 500) ?? null });
      return respondJson(spec.status ?? 200, result);
    } catch (error) {
      if (spec.audited !== false) await writeAudit(runtime, { ...base, actor, ...describeFailure(error) });
      throw error;
    }
  });
}
