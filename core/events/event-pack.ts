/**
 * Events travel the bus packed several to a message: per-message costs (framing, CRC, headers,
 * acknowledgement bookkeeping) are paid once per pack instead of once per event.
 */
import { EVENT_TYPES, NETWORK_TYPES, parseViewerEvent, QUALITIES, WIRE_LIMITS as L, type ParsedEvent, type ViewerEvent } from "./events";

/** The most events one message may carry; an event's position is `offset × this + index`. */
export const MAX_EVENTS_PER_MESSAGE = 1000;

/** An event's place on its partition: unique per event even when one message holds many. */
export function positionOf(offset: number, index: number): number {
  return offset * MAX_EVENTS_PER_MESSAGE + index;
}

/** FNV-1a of a key's UTF-16 units, as an unsigned 32-bit number: the same in every process. */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The partition of a key among `partitions`: its hash modulo the count, so one session always lands on one partition. */
export function partitionOfKey(key: string, partitions: number): number {
  return hashKey(key) % partitions;
}

/** The fields of a compact pack's rows, in order (the wire names of SPEC section 1); null marks an absent optional field. */
export const PACK_FIELDS = [
  "event_id",
  "user_id",
  "device_id",
  "session_id",
  "event_type",
  "timestamp",
  "quality",
  "location",
  "content_id",
  "bitrate",
  "buffer_health",
  "network_type",
  "priority",
  "error_code",
  "error_message",
  "content_type",
] as const;

const PACK_HEAD = `{"fields":${JSON.stringify(PACK_FIELDS)},"rows":`;

/** A compact pack: the field names once, then one positional row per event, so no key is written or parsed per event. */
export function encodeCompactPack(events: readonly ViewerEvent[]): string {
  const rows = new Array<unknown[]>(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    rows[i] = [
      e.eventId,
      e.userId,
      e.deviceId,
      e.sessionId,
      e.eventType,
      e.timestamp,
      e.quality,
      e.location,
      e.contentId,
      e.bitrate,
      e.bufferHealth,
      e.networkType,
      e.priority,
      e.errorCode ?? null,
      e.errorMessage ?? null,
      e.contentType ?? null,
    ];
  }
  return `${PACK_HEAD}${JSON.stringify(rows)}}`;
}

/** Whether `fields` are PACK_FIELDS in order, so rows can take the fast path. */
function isPackFields(fields: readonly unknown[]): boolean {
  return fields.length === PACK_FIELDS.length && PACK_FIELDS.every((name, i) => fields[i] === name);
}

/** A row as the wire object it stands for: `fields[i]` = `row[i]`, nulls left out (absent), extra cells ignored. */
export function rowToWireEvent(row: unknown, fields: readonly string[]): unknown {
  if (!Array.isArray(row)) return row;
  const wire: Record<string, unknown> = {};
  for (let i = 0; i < fields.length && i < row.length; i++) if (row[i] !== null) wire[fields[i]!] = row[i];
  return wire;
}

const EVENT_TYPE_SET = new Set<unknown>(EVENT_TYPES);
const QUALITY_SET = new Set<unknown>(QUALITIES);
const NETWORK_SET = new Set<unknown>(NETWORK_TYPES);

function isTrimmedText(value: unknown, max: number): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= max && value.trim().length === value.length;
}

function isWholeNumber(value: unknown, min: number, max: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** A row already in the form this app writes, checked field by field without building a wire object. */
function isCanonicalRow(r: readonly unknown[]): boolean {
  return (
    r.length === PACK_FIELDS.length &&
    isTrimmedText(r[0], L.idLength) &&
    isTrimmedText(r[1], L.idLength) &&
    isTrimmedText(r[2], L.idLength) &&
    isTrimmedText(r[3], L.idLength) &&
    EVENT_TYPE_SET.has(r[4]) &&
    isWholeNumber(r[5], 0, Number.MAX_SAFE_INTEGER) &&
    QUALITY_SET.has(r[6]) &&
    isTrimmedText(r[7], L.locationLength) &&
    isTrimmedText(r[8], L.idLength) &&
    isWholeNumber(r[9], 0, Number.MAX_SAFE_INTEGER) &&
    typeof r[10] === "number" &&
    r[10] >= 0 &&
    r[10] <= L.bufferHealthSeconds &&
    NETWORK_SET.has(r[11]) &&
    isWholeNumber(r[12], L.priority.min, L.priority.max) &&
    (r[13] === null || (typeof r[13] === "string" && r[13].length <= L.errorCodeLength)) &&
    (r[14] === null || (typeof r[14] === "string" && r[14].length <= L.errorMessageLength)) &&
    (r[15] === null || isTrimmedText(r[15], L.contentTypeLength))
  );
}

/**
 * One row of a pack whose fields are PACK_FIELDS, validated as the wire schema would: a row in this
 * app's own form is read directly; any other goes through the schema, for the same answer and reason.
 */
export function parsePackRow(row: unknown): ParsedEvent {
  if (!Array.isArray(row) || !isCanonicalRow(row)) return parseViewerEvent(rowToWireEvent(row, PACK_FIELDS));
  const event: ViewerEvent = {
    eventId: row[0],
    userId: row[1],
    deviceId: row[2],
    sessionId: row[3],
    eventType: row[4],
    timestamp: row[5],
    quality: row[6],
    location: row[7],
    contentId: row[8],
    bitrate: row[9],
    bufferHealth: row[10],
    networkType: row[11],
    priority: row[12],
  };
  if (row[13] !== null) event.errorCode = row[13];
  if (row[14] !== null) event.errorMessage = row[14];
  if (row[15] !== null) event.contentType = row[15];
  return { ok: true, event };
}

/** Why a pack of `count` events is refused, or null when its size is fine. */
function explainPackSizeRefusal(count: number): string | null {
  if (count === 0) return "a pack with no events";
  if (count > MAX_EVENTS_PER_MESSAGE) return `a pack of ${count} events (at most ${MAX_EVENTS_PER_MESSAGE})`;
  return null;
}

/**
 * The events of one bus message's JSON: a compact pack (`fields` once, then `rows`), an array of
 * wire events, or one wire event from a producer that does not pack. Each event is validated on
 * its own, so one bad event does not discard the rest of its pack.
 */
export function readEventPack(message: unknown): { ok: true; value: ParsedEvent[] } | { ok: false; reason: string } {
  if (Array.isArray(message)) {
    const refused = explainPackSizeRefusal(message.length);
    return refused ? { ok: false, reason: refused } : { ok: true, value: message.map(parseViewerEvent) };
  }
  if (typeof message !== "object" || message === null || !("rows" in message)) return { ok: true, value: [parseViewerEvent(message)] };
  const { fields, rows } = message as { fields?: unknown; rows: unknown };
  if (!Array.isArray(fields) || !fields.every((name) => typeof name === "string"))
    return { ok: false, reason: "fields: must be a list of field names" };
  if (!Array.isArray(rows)) return { ok: false, reason: "rows: must be a list" };
  const refused = explainPackSizeRefusal(rows.length);
  if (refused) return { ok: false, reason: refused };
  if (isPackFields(fields)) return { ok: true, value: rows.map(parsePackRow) };
  return { ok: true, value: rows.map((row) => parseViewerEvent(rowToWireEvent(row, fields))) };
}
