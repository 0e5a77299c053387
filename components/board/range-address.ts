import { formatRangeParams, type TimeRange } from "./time-range";

/** Keeps the address on the chosen range (other parameters untouched), so a reload or a shared link shows the same. */
export function writeRangeToAddress(range: TimeRange): void {
  const params = new URLSearchParams(window.location.search);
  for (const key of ["range", "from", "to"]) params.delete(key);
  for (const [key, value] of new URLSearchParams(formatRangeParams(range))) params.set(key, value);
  const search = params.size > 0 ? `?${params}` : "";
  if (window.location.search !== search) window.history.replaceState(window.history.state, "", `${window.location.pathname}${search}`);
}
