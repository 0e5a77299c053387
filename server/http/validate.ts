import { z } from "zod";
import { AppError } from "../errors";

/** Query parameters checked against `schema`; an empty value counts as not given (forms send `?region=`). */
export function parseQuery<T>(schema: z.ZodType<T>, params: URLSearchParams): T {
  const parsed = schema.safeParse(Object.fromEntries([...params].filter(([, value]) => value !== "")));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new AppError("bad_request", `${issue.path.join(".")}: ${issue.message}`);
}

/** A JSON body checked against `schema`; every problem is listed, since a body can have several. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new AppError("bad_request", parsed.error.issues.map((issue) => issue.message).join("; "));
}

/** A query-string instant: epoch milliseconds or an ISO 8601 date-time with its offset, as epoch milliseconds. */
export const instantSchema = z.union([z.coerce.number().int().nonnegative(), z.iso.datetime({ offset: true }).transform((s) => Date.parse(s))], {
  error: "must be epoch milliseconds or an ISO 8601 date-time",
});

/** A path parameter checked against `schema`; a malformed one is a bad request, not a missing resource. */
export function parseParam<T>(name: string, schema: z.ZodType<T>, value: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("bad_request", `${name}: ${parsed.error.issues[0]!.message}`);
}
