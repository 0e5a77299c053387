"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * false in the server's HTML, true once React runs in the browser. Forms stay disabled until then,
 * so nothing typed before hydration is lost or submitted natively (a password in the URL).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
