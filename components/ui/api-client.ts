/** Fetch helpers for the board and the cost page: responses validated, failures worded for a person. */
import { z } from "zod";

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

/** fetch without caching; an unreachable server becomes an ApiError naming the endpoint. */
export async function sendRequest(endpoint: string, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, cache: "no-store" });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError(endpoint, "the server could not be reached");
  }
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
