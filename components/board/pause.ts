import { formatElapsed } from "@/components/ui/format";
import type { FeedState } from "./feed-state";

/** The key that pauses and resumes the board, as `aria-keyshortcuts` names it. */
export const PAUSE_SHORTCUT = "P";

/** What a keydown needs to be judged; a DOM KeyboardEvent is one. */
export interface ShortcutKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  target: EventTarget | null;
}

interface FocusTarget {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
  closest?: (selector: string) => unknown;
}

// Keys typed into these go to the control, never to the board.
const TYPED_INPUT_TYPES = new Set(["text", "search", "email", "password", "number", "tel", "url", "date", "datetime-local", "time"]);

function isTypingInto(target: FocusTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  return target.tagName === "INPUT" && TYPED_INPUT_TYPES.has(target.type ?? "text");
}

/** P pauses or resumes, unless it is typed into a field, held down, chorded, or pressed inside an open dialog. */
export function isPauseShortcut(event: ShortcutKeyEvent): boolean {
  if (event.key.toUpperCase() !== PAUSE_SHORTCUT || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return false;
  const target = event.target as FocusTarget | null;
  return !isTypingInto(target) && !target?.closest?.("dialog[open]");
}

/**
 * What is happening underneath a paused board, for its banner: how far the newest snapshot received
 * is ahead of the frozen one, or that the live feed itself is down.
 */
export function describePausedFeed(pausedAt: number, latestAt: number, feed: FeedState): string {
  const behind = `${formatElapsed(Math.max(0, latestAt - pausedAt))} behind`;
  switch (feed) {
    case "live":
      return `live data still arriving, ${behind}`;
    case "stale":
      return `live feed quiet (stale), ${behind}`;
    case "connecting":
    case "reconnecting":
      return `live feed lost, reconnecting; ${behind}`;
  }
}
