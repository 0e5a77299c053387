"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import type { AlertView } from "@/core/alerts/alert-rules";

const STORAGE_KEY = "signalbox.alert-sound";
const listeners = new Set<() => void>();

function readEnabled(): boolean {
  return window.localStorage.getItem(STORAGE_KEY) === "on";
}

/** Whether sound is on for this browser (off until an operator turns it on), and the switch. */
export function useAlertSoundSetting(): [boolean, (on: boolean) => void] {
  const enabled = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readEnabled,
    () => false,
  );
  const set = (on: boolean) => {
    window.localStorage.setItem(STORAGE_KEY, on ? "on" : "off");
    for (const listener of listeners) listener();
  };
  return [enabled, set];
}

/** Two short tones, higher for critical: enough to turn a head in a loud room, short enough not to annoy. */
function playChime(critical: boolean): void {
  const context = new AudioContext();
  const base = critical ? 880 : 660;
  [0, 0.18].forEach((offset, index) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = base * (index === 0 ? 1 : 1.25);
    gain.gain.setValueAtTime(0.0001, context.currentTime + offset);
    gain.gain.exponentialRampToValueAtTime(0.2, context.currentTime + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + offset + 0.15);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(context.currentTime + offset);
    oscillator.stop(context.currentTime + offset + 0.16);
  });
  setTimeout(() => void context.close(), 600);
}

/** Chimes when an alert that was not firing before starts firing; the alerts already there on load stay quiet. */
export function useAlertSound(alerts: readonly AlertView[] | null, enabled: boolean): void {
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (alerts === null) return;
    const firing = alerts.filter((alert) => alert.state === "firing");
    const fresh = seen.current === null ? [] : firing.filter((alert) => !seen.current!.has(alert.id));
    seen.current = new Set(firing.map((alert) => alert.id));
    if (enabled && fresh.length > 0) playChime(fresh.some((alert) => alert.severity === "critical"));
  }, [alerts, enabled]);
}
