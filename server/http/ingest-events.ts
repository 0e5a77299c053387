import { AppError } from "../errors";
import type { Runtime } from "../runtime";
import type { IngestResult } from "../workers/ingestor";
import { requireIngestKey } from "./check-ingest-key";
import { readJsonBody } from "./respond";
import { createValidationError } from "./validate";

export const MAX_EVENTS_PER_REQUEST = 10_000;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** POST /api/events: a JSON array of events; good ones are accepted even when others are rejected. */
export async function ingestEvents(runtime: Runtime, request: Request): Promise<IngestResult> {
  requireIngestKey(runtime.ingestApiKey, request);
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!Array.isArray(body)) {
    throw createValidationError([
      { path: "", message: `The body must be a JSON array of events (got ${body === null ? "null" : typeof body}).` },
    ]);
  }
  if (body.length > MAX_EVENTS_PER_REQUEST) {
    throw new AppError("payload_too_large", `At most ${MAX_EVENTS_PER_REQUEST} events per request (got ${body.length}); split the batch.`);
  }
  return runtime.ingestor.ingestUntrusted(body);
}
