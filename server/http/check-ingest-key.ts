import { timingSafeEqual } from "node:crypto";
import { AppError } from "../errors";

/** Whether `given` is the ingest key; always true when none is configured (ingest stays open). */
export function isIngestKey(expected: string | undefined, given: string | null | undefined): boolean {
  if (expected === undefined) return true;
  const left = Buffer.from(given ?? "");
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** POST /api/events is for players and pipelines: with INGEST_API_KEY set it needs the x-api-key header. */
export function requireIngestKey(expected: string | undefined, request: Request): void {
  if (!isIngestKey(expected, request.headers.get("x-api-key"))) {
    throw new AppError("unauthenticated", "Sending events needs the x-api-key header with this deployment's ingest key (INGEST_API_KEY).");
  }
}
