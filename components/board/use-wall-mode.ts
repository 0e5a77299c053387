"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { applyWallParam, decideWallKey } from "./wall-mode";

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select") !== null);
}

interface WallMode {
  wall: boolean;
  toggle: () => void;
  /** The header's button, given focus back when the board leaves wall mode with nothing else focused. */
  toggleRef: RefObject<HTMLButtonElement | null>;
}

/**
 * Wall mode for the room's big screen: full screen where the browser allows it, no controls, larger type.
 * The header's button or F enters it; F or Escape leaves, and so does leaving full screen (the browser takes Escape there).
 * The address carries `wall=1`, so a reload or a wall PC's start page comes back to it.
 */
export function useWallMode(initialWall: boolean): WallMode {
  const [wall, setWall] = useState(initialWall);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const ownFullscreen = useRef(false);
  const refocus = useRef(false);

  const enter = useCallback(() => {
    setWall(true);
    // Full screen needs this key press or click; a browser or frame that refuses it still gets the wall layout.
    if (document.fullscreenEnabled && document.fullscreenElement === null) {
      document.documentElement.requestFullscreen().then(
        () => (ownFullscreen.current = true),
        () => undefined,
      );
    }
  }, []);

  const leave = useCallback(() => {
    setWall(false);
    refocus.current = document.activeElement === null || document.activeElement === document.body;
    if (ownFullscreen.current && document.fullscreenElement !== null) void document.exitFullscreen().catch(() => undefined);
    ownFullscreen.current = false;
  }, []);

  const toggle = useCallback(() => (wall ? leave() : enter()), [wall, enter, leave]);

  useEffect(() => {
    window.history.replaceState(window.history.state, "", applyWallParam(window.location.href, wall));
    if (!wall && refocus.current) {
      refocus.current = false;
      toggleRef.current?.focus();
    }
  }, [wall]);

  useEffect(() => {
    function handleKey(event: KeyboardEvent): void {
      const action = decideWallKey(
        {
          key: event.key,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          repeat: event.repeat,
          defaultPrevented: event.defaultPrevented,
          editable: isEditable(event.target),
        },
        wall,
      );
      // A dialog open over the board keeps its keys.
      if (action === null || document.querySelector("dialog[open], [role='dialog']") !== null) return;
      event.preventDefault();
      if (action === "enter") enter();
      else leave();
    }
    function handleFullscreenChange(): void {
      if (document.fullscreenElement === null && ownFullscreen.current) leave();
    }
    document.addEventListener("keydown", handleKey);
    document.addEventListener("fullscreenchange", handleFullscreenChange);
    return () => {
      document.removeEventListener("keydown", handleKey);
      document.removeEventListener("fullscreenchange", handleFullscreenChange);
    };
  }, [wall, enter, leave]);

  return { wall, toggle, toggleRef };
}
