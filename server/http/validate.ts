import { z } from "zod";
import { AppError } from "../errors";

/**
 * The one parser of what a request brings (path parameters, query strings, JSON bodies), and the one
 * shape of what it answers when they are wrong: 400 `{error: {code: "bad_request", message,
 * details: {fields: [{path, message}]}}}`, every problem listed under `fields`.
 */

/** One field's problem; `path` is dotted ("regions.0.fleet.min"), empty for the whole body. */
export interface FieldError {
  path: string;
  message: string;
}

/** A message that starts with its field's name ("reason must say why") says which field already; any other gets its path in front. */
function describeField({ path, message }: FieldError): string {
  const field = path.split(".")[0]!;
  const named = message.startsWith(field) && !/\w/.test(message.charAt(field.length));
  return field === "" || named ? message : `${path}: ${message}`;
}

/** The 400 of a validation failure; `message` is every field's problem unless given. */
export function createValidationError(fields: readonly FieldError[], message: string = fields.map(describeField).join("; ")): AppError {
  return new AppError("bad_request", message, { fields });
}

function listFields(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

/** Query parameters checked against `schema`; an empty value counts as not given (forms send `?region=`). The message names the first problem. */
export function parseQuery<T>(schema: z.ZodType<T>, params: URLSearchParams): T {
  const parsed = schema.safeParse(Object.fromEntries([...params].filter(([, value]) => value !== "")));
  if (parsed.success) return parsed.data;
  const fields = listFields(parsed.error);
  throw createValidationError(fields, `${fields[0]!.path}: ${fields[0]!.message}`);
}

/** A JSON body checked against `schema`; every problem is listed, since a body can have several. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw createValidationError(listFields(parsed.error));
}

/** A query-string instant: epoch milliseconds or an ISO 8601 date-time with its offset, as epoch milliseconds. */
export const instantSchema = z.union(
  [z.coerce.number().int().nonnegative(), z.iso.datetime({ offset: true }).transform((s) => Date.parse(s))],
  {
    error: "must be epoch milliseconds or an ISO 8601 date-time",
  },
);

/**
 * The one rule of every `:id` route: an id not of its kind's form (not a UUID, not a region's name)
 * cannot name anything, so it is a 400 `bad_request` naming the field `id`; a well-formed id that
 * names nothing is the handler's 404 `not_found`, once it has looked.
 */
export function parseId<T>(schema: z.ZodType<T>, value: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw createValidationError([{ path: "id", message: parsed.error.issues[0]!.message }]);
}
