import { z } from "zod";

export const EVENT_TYPES = ["play", "pause", "quality_change", "buffer", "error"] as const;
export const QUALITIES = ["360p", "480p", "720p", "1080p", "4K"] as const;
export const NETWORK_TYPES = ["4G", "5G", "WiFi", "broadband"] as const;

export type EventType = (typeof EVENT_TYPES)[number];
export type Quality = (typeof QUALITIES)[number];
export type NetworkType = (typeof NETWORK_TYPES)[number];

/** A validated viewer event, camelCase inside the app; `timestamp` is event time in epoch ms. */
export interface ViewerEvent {
  eventId: string;
  userId: string;
  deviceId: string;
  sessionId: string;
  eventType: EventType;
  timestamp: number;
  quality: Quality;
  location: string;
  contentId: string;
  bitrate: number;
  bufferHealth: number;
  networkType: NetworkType;
  errorCode?: string;
  errorMessage?: string;
  priority: number;
  contentType?: string;
}

/** The wire schema's limits, shared with the compact pack's fast check so both refuse the same events. */
export const WIRE_LIMITS = {
  idLength: 128,
  locationLength: 100,
  errorCodeLength: 128,
  errorMessageLength: 1000,
  contentTypeLength: 64,
  bufferHealthSeconds: 86_400,
  priority: { min: 1, max: 10 },
} as const;

const atMost = (n: number) => `must be at most ${n} characters`;
const L = WIRE_LIMITS;
const id = z.string().trim().min(1, "must not be empty").max(L.idLength, atMost(L.idLength));

const timestamp = z.union(
  [
    z.number().int("must be whole epoch milliseconds").nonnegative("must not be negative"),
    z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }),
  ],
  { error: "must be epoch milliseconds or an ISO 8601 date-time" },
);

/** The wire schema of SPEC section 1: snake_case fields, unknown fields ignored. */
export const wireEventSchema = z.object({
  event_id: id,
  user_id: id,
  device_id: id,
  session_id: id,
  event_type: z.enum(EVENT_TYPES, { error: `must be one of ${EVENT_TYPES.join(", ")}` }),
  timestamp,
  quality: z.enum(QUALITIES, { error: `must be one of ${QUALITIES.join(", ")}` }),
  location: z.string().trim().min(1, "must not be empty").max(L.locationLength, atMost(L.locationLength)),
  content_id: id,
  bitrate: z.number().int("must be whole kbps").nonnegative("must not be negative"),
  buffer_health: z
    .number()
    .nonnegative("must not be negative")
    .max(L.bufferHealthSeconds, `must be at most ${L.bufferHealthSeconds} seconds`),
  network_type: z.enum(NETWORK_TYPES, { error: `must be one of ${NETWORK_TYPES.join(", ")}` }),
  error_code: z.string().max(L.errorCodeLength, atMost(L.errorCodeLength)).optional(),
  error_message: z.string().max(L.errorMessageLength, atMost(L.errorMessageLength)).optional(),
  priority: z
    .number()
    .int("must be a whole number")
    .min(L.priority.min, `must be ${L.priority.min} to ${L.priority.max}`)
    .max(L.priority.max, `must be ${L.priority.min} to ${L.priority.max}`)
    .default(5),
  content_type: z.string().trim().min(1, "must not be empty").max(L.contentTypeLength, atMost(L.contentTypeLength)).optional(),
});

export type WireEvent = z.input<typeof wireEventSchema>;

export type ParsedEvent = { ok: true; event: ViewerEvent } | { ok: false; reason: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function toEpochMs(value: number | string): number {
  return typeof value === "number" ? value : Date.parse(value);
}

/** Validates one wire event: every field checked, unknown fields dropped, a reason naming the first bad field. */
export function parseViewerEvent(raw: unknown): ParsedEvent {
  const result = wireEventSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (!issue) return { ok: false, reason: "invalid event" };
    const path = issue.path.length > 0 ? issue.path.join(".") : "event";
    const missing = issue.code === "invalid_type" && issue.path.length === 1 && isObject(raw) && raw[String(issue.path[0])] === undefined;
    const message = missing ? "is required" : issue.message;
    return { ok: false, reason: `${path}: ${message}` };
  }
  const w = result.data;
  const event: ViewerEvent = {
    eventId: w.event_id,
    userId: w.user_id,
    deviceId: w.device_id,
    sessionId: w.session_id,
    eventType: w.event_type,
    timestamp: toEpochMs(w.timestamp),
    quality: w.quality,
    location: w.location,
    contentId: w.content_id,
    bitrate: w.bitrate,
    bufferHealth: w.buffer_health,
    networkType: w.network_type,
    priority: w.priority,
  };
  if (w.error_code !== undefined) event.errorCode = w.error_code;
  if (w.error_message !== undefined) event.errorMessage = w.error_message;
  if (w.content_type !== undefined) event.contentType = w.content_type;
  return { ok: true, event };
}

/** The wire form (snake_case) of a validated event, e.g. to keep the original in the dead-letter queue. */
export function toWireEvent(event: ViewerEvent): WireEvent {
  const wire: WireEvent = {
    event_id: event.eventId,
    user_id: event.userId,
    device_id: event.deviceId,
    session_id: event.sessionId,
    event_type: event.eventType,
    timestamp: event.timestamp,
    quality: event.quality,
    location: event.location,
    content_id: event.contentId,
    bitrate: event.bitrate,
    buffer_health: event.bufferHealth,
    network_type: event.networkType,
    priority: event.priority,
  };
  if (event.errorCode !== undefined) wire.error_code = event.errorCode;
  if (event.errorMessage !== undefined) wire.error_message = event.errorMessage;
  if (event.contentType !== undefined) wire.content_type = event.contentType;
  return wire;
}
