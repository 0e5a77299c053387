import { z } from "zod";
import { readEventPack } from "@/core/events/event-pack";
import { parseViewerEvent, toWireEvent, wireEventSchema, type ParsedEvent } from "@/core/events/events";
import { FAILURE_SEVERITIES } from "@/core/dlq/failures";
import { REGION_IDS } from "@/core/routing/regions";
import type { DeadLetterRecord } from "../../workers/dead-letter";
import { DRILL_COMPONENTS } from "@/core/drills/drill-api";
import type { RetryItem } from "../../workers/failure-handler";

const epochMs = z.number().nonnegative();
const count = z.number().int().nonnegative();

/** A retry on its way through a retry topic: the event and its failure history so far. */
const retryMessageSchema = z.object({
  event: z.unknown(),
  region: z.enum(REGION_IDS),
  component: z.enum(DRILL_COMPONENTS),
  ingestedAt: epochMs,
  retryCount: count,
  firstFailedAt: epochMs,
  dueAt: epochMs,
  lastError: z.string().optional(),
  replayOf: z.string().optional(),
  origin: z.string().optional(),
});

/** A dead letter as the DLQ topic carries it (the same record Postgres stores). */
const deadLetterMessageSchema = z.object({
  id: z.uuid(),
  eventId: z.string(),
  region: z.enum(REGION_IDS),
  component: z.enum(DRILL_COMPONENTS),
  severity: z.enum(FAILURE_SEVERITIES),
  error: z.string(),
  retryCount: count,
  event: wireEventSchema,
  firstFailedAt: epochMs,
  deadLetteredAt: epochMs,
  replayCount: count,
  lastReplayedAt: epochMs.nullable(),
  resolvedAt: epochMs.nullable(),
});

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

function parseJson(value: Buffer | null): Parsed<unknown> {
  if (value === null) return { ok: false, reason: "empty message" };
  try {
    return { ok: true, value: JSON.parse(value.toString("utf8")) };
  } catch {
    return { ok: false, reason: "not JSON" };
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "message"}: ${issue.message}` : "invalid";
}

/** An events-topic message read back: its JSON, then its events as core/events/event-pack reads a pack. */
export function decodeEventMessage(value: Buffer | null): Parsed<ParsedEvent[]> {
  const json = parseJson(value);
  return json.ok ? readEventPack(json.value) : json;
}

/** The JSON of a retry message: the event in its wire form, so it is validated again when read. */
export function encodeRetry(item: RetryItem): string {
  return JSON.stringify({ ...item, event: toWireEvent(item.event) });
}

/** A retry message read back, validated like any input from outside the process. */
export function decodeRetry(value: Buffer | null): Parsed<RetryItem> {
  const json = parseJson(value);
  if (!json.ok) return json;
  const message = retryMessageSchema.safeParse(json.value);
  if (!message.success) return { ok: false, reason: firstIssue(message.error) };
  const event = parseViewerEvent(message.data.event);
  if (!event.ok) return { ok: false, reason: `event: ${event.reason}` };
  return { ok: true, value: { ...message.data, event: event.event } };
}

export function encodeDeadLetter(record: DeadLetterRecord): string {
  return JSON.stringify(record);
}

export function decodeDeadLetter(value: Buffer | null): Parsed<DeadLetterRecord> {
  const json = parseJson(value);
  if (!json.ok) return json;
  const message = deadLetterMessageSchema.safeParse(json.value);
  return message.success ? { ok: true, value: message.data } : { ok: false, reason: firstIssue(message.error) };
}
