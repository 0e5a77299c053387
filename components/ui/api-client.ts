/** Fetch helpers for the board and the cost page: responses validated, failures worded for a person. */
import { z } from "zod";
import { CSRF_HEADER, sessionResponseSchema } from "@/core/auth/auth";

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** A failed request, worded for the operator: which endpoint, and what came back. */
export class ApiError extends Error {
  constructor(
    readonly endpoint: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The first validation issue as "path: message", for error banners. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid payload";
  return issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}

let csrfToken: Promise<string | null> | undefined;

/** The session's CSRF token, asked of GET /api/session once per page load (null when signed out). */
function readCsrfToken(): Promise<string | null> {
  csrfToken ??= fetch("/api/session", { cache: "no-store", headers: { accept: "application/json" } })
    .then(async (response) => (response.ok ? (sessionResponseSchema.safeParse(await response.json()).data?.csrfToken ?? null) : null))
    .catch(() => null)
    .then((token) => {
      // A failed read is asked again next time rather than remembered.
      if (token === null) csrfToken = undefined;
      return token;
    });
  return csrfToken;
}

/** Where a page goes when its session has ended: the login page, coming back here afterwards. */
export function createLoginUrl(): string {
  return `/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`;
}

/**
 * fetch without caching, with the CSRF token on every mutation; an unreachable server becomes an
 * ApiError naming the endpoint, and an ended session (401) goes to the login page.
 */
export async function sendRequest(endpoint: string, url: string, init: RequestInit): Promise<Response> {
  const method = (init.method ?? "GET").toUpperCase();
  const headers = new Headers(init.headers);
  if (method !== "GET" && method !== "HEAD") {
    const token = await readCsrfToken();
    if (token) headers.set(CSRF_HEADER, token);
  }
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers, cache: "no-store" });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError(endpoint, "the server could not be reached");
  }
  if (response.status === 401) window.location.assign(createLoginUrl());
  return response;
}

/** The body validated by `schema`, or an ApiError with the server's refusal as `describeRefusal` words it. */
export async function readJson<T>(
  endpoint: string,
  response: Response,
  schema: z.ZodType<T>,
  describeRefusal: (status: number, error: { code: string; message: string } | null) => string,
): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    throw new ApiError(endpoint, describeRefusal(response.status, parsed.success ? parsed.data.error : null));
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(endpoint, `unexpected response, ${describeIssue(parsed.error)}`);
  return parsed.data;
}

/** GET a JSON resource validated by `schema`. */
export async function fetchJson<T>(endpoint: string, url: string, schema: z.ZodType<T>, signal: AbortSignal): Promise<T> {
  const response = await sendRequest(endpoint, url, { signal, headers: { accept: "application/json" } });
  return readJson(endpoint, response, schema, (status, error) => {
    const detail = error ? `${error.code}: ${error.message}` : response.statusText;
    return `HTTP ${status}${detail ? ` (${detail})` : ""}`;
  });
}

/** A failure's own message for a person, or what was being done when the failure carries none. */
export function describeFailure(error: unknown, fallback: string): string {
  return error instanceof Error && error.message !== "" ? error.message : fallback;
}
