const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The ranges ending now that the charts offer, as the address carries them (?range=1h). */
export const RANGE_PRESETS = ["15m", "1h", "6h", "24h"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const PRESET_MS: Record<RangePreset, number> = { "15m": 15 * MINUTE, "1h": HOUR, "6h": 6 * HOUR, "24h": 24 * HOUR };
export const PRESET_LABELS: Record<RangePreset, string> = { "15m": "15 min", "1h": "1 h", "6h": "6 h", "24h": "24 h" };

/** The longest range GET /api/history answers in one request. */
const MAX_RANGE_MS = 24 * HOUR;

/** The charts' time range: the last stretch up to now, following live data, or a fixed stretch of history. */
export type TimeRange = { kind: "last"; preset: RangePreset } | { kind: "custom"; from: number; to: number };

export const DEFAULT_RANGE = { kind: "last", preset: "15m" } as const satisfies TimeRange;

/** [from, to] in epoch ms: a "last" range ends at `now` (the server's clock as the board knows it). */
export function resolveRangeWindow(range: TimeRange, now: number): [number, number] {
  return range.kind === "last" ? [now - PRESET_MS[range.preset], now] : [range.from, range.to];
}

/** Why a custom range cannot be shown, or null when history can answer it in one request. */
export function checkCustomRange(from: number, to: number, now: number): string | null {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return "Choose both a start and an end.";
  if (from >= to) return "The start must be before the end.";
  if (to - from > MAX_RANGE_MS) return "A range may span at most 24 hours.";
  // A minute of slack, as the pickers show whole minutes.
  if (to > now + MINUTE) return "The end is in the future: choose a “last …” range to follow live data.";
  return null;
}

/** A page's search parameters as Next.js hands them over. */
export type SearchParams = Record<string, string | string[] | undefined>;

function parseEpoch(value: string | string[] | undefined): number {
  return typeof value === "string" && /^\d+$/.test(value) ? Number(value) : Number.NaN;
}

/** ?range=1h, or ?from=&to= (epoch ms) for a custom range; anything unusable is the default range. */
export function parseRangeParams(params: SearchParams, now: number): TimeRange {
  const preset = RANGE_PRESETS.find((candidate) => candidate === params.range);
  if (preset) return { kind: "last", preset };
  const from = parseEpoch(params.from);
  const to = parseEpoch(params.to);
  return checkCustomRange(from, to, now) === null ? { kind: "custom", from, to } : DEFAULT_RANGE;
}

/** The range a page's address names, judged as of now: what a page hands its board or drill-down. */
export async function readRangeParams(searchParams: Promise<SearchParams>): Promise<TimeRange> {
  return parseRangeParams(await searchParams, Date.now());
}

/** The query string a range is shared by; the default range needs none. */
export function formatRangeParams(range: TimeRange): string {
  if (range.kind === "custom") return new URLSearchParams({ from: String(range.from), to: String(range.to) }).toString();
  return range.preset === DEFAULT_RANGE.preset ? "" : new URLSearchParams({ range: range.preset }).toString();
}

const TICK_STEPS_MS = [
  MINUTE,
  2 * MINUTE,
  3 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
];
const MAX_TICKS = 6;

/** The time between axis ticks: the smallest round step giving at most six ticks (15 min: 3 min, 1 h: 10 min, 24 h: 6 h). */
export function chooseTickStepMs(spanMs: number): number {
  return TICK_STEPS_MS.find((step) => spanMs / step <= MAX_TICKS) ?? (TICK_STEPS_MS.at(-1) as number);
}

/**
 * Ticks on whole steps of the shown time base inside [from, to], so labels do not crawl as the window
 * slides and hourly ticks fall on the hour where the zone is offset by half an hour (IST is +05:30).
 */
export function computeTimeTicks(from: number, to: number, zoneOffsetMs: number): number[] {
  const step = chooseTickStepMs(to - from);
  const ticks: number[] = [];
  for (let t = Math.ceil((from + zoneOffsetMs) / step) * step - zoneOffsetMs; t <= to; t += step) ticks.push(t);
  return ticks;
}
