"use client";

import { useSyncExternalStore } from "react";

/** One shared 1 s ticker aligned to the wall-clock second, so every clock on the board flips together. */
let now = 0;
let timeout: ReturnType<typeof setTimeout> | undefined;
let interval: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function startTicker(): void {
  now = Date.now();
  timeout = setTimeout(
    () => {
      tick();
      interval = setInterval(tick, 1000);
    },
    1000 - (now % 1000),
  );
}

function stopTicker(): void {
  clearTimeout(timeout);
  clearInterval(interval);
  timeout = undefined;
  interval = undefined;
}

function subscribeToTicker(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) startTicker();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) stopTicker();
  };
}

function readNow(): number {
  return now;
}

function readServerNow(): number {
  return 0;
}

/** The current epoch ms, updated every second; 0 during server rendering and hydration. */
export function useNow(): number {
  return useSyncExternalStore(subscribeToTicker, readNow, readServerNow);
}
