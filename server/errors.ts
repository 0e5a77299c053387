/** Codes a client can act on; each maps to one HTTP status at the boundary. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

// Next bundles its own copy of this module for route handlers, so `instanceof` cannot recognise an
// AppError thrown by the server's copy; a global brand can.
const APP_ERROR_BRAND = Symbol.for("signalbox.AppError");

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** Response headers the refusal needs, such as Retry-After on a 429. */
  readonly headers: Record<string, string>;
  readonly [APP_ERROR_BRAND] = true;

  constructor(code: ErrorCode, message: string, details?: unknown, headers: Record<string, string> = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Whether a thrown value is an AppError from any bundled copy of this module. */
export function isAppError(error: unknown): error is AppError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[APP_ERROR_BRAND] === true;
}

/** Any thrown value as an AppError; unknown failures become `internal` without leaking their text. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  return new AppError("internal", "Something went wrong on the server; it has been logged.");
}

/** The text of any thrown value, for logs and recorded reasons. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
