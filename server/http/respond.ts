import { AppError, messageOf, toAppError } from "../errors";
import { createValidationError } from "./validate";

/** A JSON response; the one place status and content type are set. */
export function respondJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...headers, "cache-control": "no-store" } });
}

/** Runs a route, converting any failure once into `{error: {code, message, details?}}` with its status. */
export function handleRoute(run: () => Promise<Response>): Promise<Response> {
  return run().catch((error: unknown) => {
    const appError = toAppError(error);
    if (appError.code === "internal") console.error("[http] unexpected failure", error);
    const body: { code: string; message: string; details?: unknown } = { code: appError.code, message: appError.message };
    if (appError.details !== undefined) body.details = appError.details;
    return respondJson(appError.status, { error: body }, appError.headers);
  });
}

/** Reads a JSON body of at most `maxBytes`, with errors that say what to fix. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) {
    throw new AppError("unsupported_media_type", `Send the body as JSON with "content-type: application/json" (got "${type || "none"}").`);
  }
  const tooLarge = () => new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes; split it into smaller requests.`);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) throw createValidationError([{ path: "", message: "The body is empty; send a JSON value." }]);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") throw createValidationError([{ path: "", message: "The body is empty; send a JSON value." }]);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw createValidationError([{ path: "", message: `The body is not valid JSON: ${messageOf(error)}` }]);
  }
}
