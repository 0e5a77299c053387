/** Number and duration formatting for the board (instants: time-format.ts); every helper returns "—" for values it cannot show. */

const DASH = "—";

const integerFormat = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 0 });
const oneDecimalFormat = new Intl.NumberFormat("en-IN", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Thousands, lakhs and crores with one steady decimal, so a number on the wall keeps its width. */
const compactFormat = new Intl.NumberFormat("en-IN", { notation: "compact", minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 950 → "950", 3.25 → "3.3", 23_412 → "23.4K", 2_00_000 → "2.0L", 2_50_00_000 → "2.5Cr" (Indian units). */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return DASH;
  // Below a thousand Intl's compact form would add a decimal to whole numbers; 999.95 and up round to "1.0K".
  if (Math.abs(value) < 999.95) return Number.isInteger(value) ? String(value) : value.toFixed(1);
  return compactFormat.format(value);
}

/** 1234567 → "12,34,567" (Indian grouping). */
export function formatInteger(value: number): string {
  return Number.isFinite(value) ? integerFormat.format(value) : DASH;
}

/** 12.345 → "12.3 ms". */
export function formatMs(value: number): string {
  return Number.isFinite(value) ? `${oneDecimalFormat.format(value)} ms` : DASH;
}

/** 2.345 → "2.3%"; `digits` for finer rates such as error percentages. */
export function formatPercent(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)}%` : DASH;
}

/** Buffer health in seconds: 4.25 → "4.3 s". */
export function formatSeconds(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} s` : DASH;
}

/** A rate per second: 23_412 → "23.4K/s". */
export function formatRate(value: number): string {
  return Number.isFinite(value) ? `${formatCompact(value)}/s` : DASH;
}

function padTwo(value: number): string {
  return String(value).padStart(2, "0");
}

/** An elapsed time for people: 4_200 → "4s", 125_000 → "2m 05s", 7_500_000 → "2h 05m". */
export function formatElapsed(ms: number): string {
  if (!Number.isFinite(ms)) return DASH;
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes}m ${padTwo(totalSeconds % 60)}s`;
  return `${Math.floor(minutes / 60)}h ${padTwo(minutes % 60)}m`;
}

/** A window length: 60_000 → "60 s", 900_000 → "15 min". */
export function formatWindow(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return DASH;
  const seconds = Math.round(ms / 1000);
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

/** A share as a whole percentage; a small but non-zero share reads "<1%", not "0%". */
export function formatShare(percent: number): string {
  if (!Number.isFinite(percent)) return DASH;
  return percent > 0 && percent < 0.5 ? "<1%" : `${Math.round(percent)}%`;
}

/** A share of a total as a percentage, 0 when the total is 0. */
export function computeShare(part: number, total: number): number {
  return total > 0 ? (part / total) * 100 : 0;
}
