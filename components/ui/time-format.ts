/**
 * Every time the pages show, in one time base: India's (the product's default, as on-call rotations
 * there read it) or the browser's own zone. Pure functions of an instant and an IANA zone; "—" for an
 * instant they cannot show.
 */

const DASH = "—";

export const TIME_BASES = ["ist", "local"] as const;
export type TimeBase = (typeof TIME_BASES)[number];
export const DEFAULT_TIME_BASE: TimeBase = "ist";
export const IST_TIME_ZONE = "Asia/Kolkata";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** Reading parts is the only way Intl gives another zone's wall clock; one formatter per zone is kept. */
function readWallTime(epochMs: number, timeZone: string): WallTime {
  let format = wallFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    wallFormats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(epochMs)) if (part.type !== "literal") parts[part.type] = Number(part.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

function padTwo(value: number): string {
  return String(value).padStart(2, "0");
}

function isShowable(epochMs: number): boolean {
  return Number.isFinite(epochMs) && Math.abs(epochMs) <= 8.64e15;
}

/** The zone a time base stands for; `browserZone` is what the browser reports for itself. */
export function resolveTimeZone(base: TimeBase, browserZone: string): string {
  return base === "ist" ? IST_TIME_ZONE : browserZone;
}

/** The zone's short name at that instant, for labels: "IST", "EST", "GMT+1", "UTC". */
export function describeTimeZone(timeZone: string, epochMs: number): string {
  if (timeZone === IST_TIME_ZONE) return "IST";
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
    .formatToParts(isShowable(epochMs) ? epochMs : 0)
    .find((part) => part.type === "timeZoneName");
  return name?.value ?? timeZone;
}

/** "21:04:05", 24-hour. */
export function formatClockTime(epochMs: number, timeZone: string): string {
  if (!isShowable(epochMs)) return DASH;
  const wall = readWallTime(epochMs, timeZone);
  return `${padTwo(wall.hour)}:${padTwo(wall.minute)}:${padTwo(wall.second)}`;
}

/** A zone and its label, as the time-base hook gives them. */
export interface ZoneView {
  timeZone: string;
  label: string;
}

/** "21:04:05 IST": a time inside a sentence, where no column or axis names the zone. */
export function formatZonedClockTime(epochMs: number, zone: ZoneView): string {
  return `${formatClockTime(epochMs, zone.timeZone)} ${zone.label}`;
}

/** "21:04", for chart axes. */
export function formatClockMinute(epochMs: number, timeZone: string): string {
  if (!isShowable(epochMs)) return DASH;
  const wall = readWallTime(epochMs, timeZone);
  return `${padTwo(wall.hour)}:${padTwo(wall.minute)}`;
}

/** "26 Nov". */
export function formatDay(epochMs: number, timeZone: string): string {
  if (!isShowable(epochMs)) return DASH;
  const wall = readWallTime(epochMs, timeZone);
  return `${wall.day} ${MONTHS[wall.month - 1]}`;
}

/** "26 Nov 21:04:05": an incident can span midnight, so lists and tables always show the day. */
export function formatDayTime(epochMs: number, timeZone: string): string {
  if (!isShowable(epochMs)) return DASH;
  return `${formatDay(epochMs, timeZone)} ${formatClockTime(epochMs, timeZone)}`;
}

/** "26 Nov 21:04:05 IST": a day and time inside a sentence or cell, where no column names the zone. */
export function formatZonedDayTime(epochMs: number, zone: ZoneView): string {
  return `${formatDayTime(epochMs, zone.timeZone)} ${zone.label}`;
}

/** "26 Nov 21:04", where seconds would be noise (a scenario saved, a silence's end). */
export function formatDayMinute(epochMs: number, timeZone: string): string {
  if (!isShowable(epochMs)) return DASH;
  return `${formatDay(epochMs, timeZone)} ${formatClockMinute(epochMs, timeZone)}`;
}

/** The zone's offset from UTC at that instant, in ms (IST: +5 h 30 min), for buckets on the zone's whole hours. */
export function findZoneOffset(epochMs: number, timeZone: string): number {
  const wall = readWallTime(epochMs, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** An instant as a datetime-local input's value in the zone: "2026-11-26T21:04"; "" for none. */
export function formatDateInput(epochMs: number | null, timeZone: string): string {
  if (epochMs === null || !isShowable(epochMs)) return "";
  const wall = readWallTime(epochMs, timeZone);
  return `${String(wall.year).padStart(4, "0")}-${padTwo(wall.month)}-${padTwo(wall.day)}T${padTwo(wall.hour)}:${padTwo(wall.minute)}`;
}

const DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A datetime-local input's value, read as a wall-clock time in the zone; blank or unreadable is null.
 * The offset is looked up twice so a time near a daylight-saving change lands on the right side of it.
 */
export function parseDateInput(value: string, timeZone: string): number | null {
  const match = DATE_INPUT.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // 31 February would roll over into March: a day the month does not have is unreadable.
  if (new Date(wall).getUTCDate() !== day) return null;
  const guess = wall - findZoneOffset(wall, timeZone);
  return wall - findZoneOffset(guess, timeZone);
}
