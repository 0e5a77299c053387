"use client";

import { useSyncExternalStore } from "react";
import { DEFAULT_TIME_BASE, describeTimeZone, IST_TIME_ZONE, resolveTimeZone, TIME_BASES, type TimeBase } from "./time-format";

/** The time base every page shows times in, its IANA zone and the label that says so. */
export interface TimeZoneSetting {
  base: TimeBase;
  timeZone: string;
  /** "IST", or the browser zone's short name ("EST", "GMT+1"). */
  label: string;
  /** The browser zone's short name, for the choice between the two. */
  browserLabel: string;
}

const STORAGE_KEY = "signalbox.time-base";
const listeners = new Set<() => void>();
const SERVER_SETTING: TimeZoneSetting = { base: DEFAULT_TIME_BASE, timeZone: IST_TIME_ZONE, label: "IST", browserLabel: "local" };
let current: TimeZoneSetting | null = null;

function readStoredBase(): TimeBase {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return TIME_BASES.find((base) => base === stored) ?? DEFAULT_TIME_BASE;
}

/** One object per change, so components re-render only when the base really changed. */
function readSetting(): TimeZoneSetting {
  const base = readStoredBase();
  if (current?.base !== base) {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const timeZone = resolveTimeZone(base, browserZone);
    const now = Date.now();
    current = { base, timeZone, label: describeTimeZone(timeZone, now), browserLabel: describeTimeZone(browserZone, now) };
  }
  return current;
}

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of this browser changed the setting.
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** Stores this browser's time base; every page (and every open tab) follows at once. */
export function saveTimeBase(base: TimeBase): void {
  window.localStorage.setItem(STORAGE_KEY, base);
  notify();
}

/** The time base of this browser (IST until someone picks the browser's zone); IST in the server's HTML. */
export function useTimeZone(): TimeZoneSetting {
  return useSyncExternalStore(subscribe, readSetting, () => SERVER_SETTING);
}
