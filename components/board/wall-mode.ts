/** The query parameter that boots the board in wall mode, so a wall PC can open `/?wall=1` in a kiosk browser. */
export const WALL_PARAM = "wall";

export interface WallKeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  /** Another handler (a menu, a dialog) already used the key. */
  defaultPrevented: boolean;
  /** The key went to a text field, where F is typing, not a command. */
  editable: boolean;
}

export type WallAction = "enter" | "leave" | null;

/** F toggles wall mode and Escape leaves it; never with a modifier, a held key, a key typed into a field or one already used. */
export function decideWallKey(press: WallKeyPress, wall: boolean): WallAction {
  if (press.ctrlKey || press.metaKey || press.altKey || press.repeat || press.defaultPrevented || press.editable) return null;
  if (press.key === "f" || press.key === "F") return wall ? "leave" : "enter";
  if (press.key === "Escape" && wall) return "leave";
  return null;
}

/** The address with wall mode on (`wall=1`) or off (no parameter), other parameters and the hash kept. */
export function applyWallParam(href: string, wall: boolean): string {
  const url = new URL(href);
  if (wall) url.searchParams.set(WALL_PARAM, "1");
  else url.searchParams.delete(WALL_PARAM);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Whether a page's query asks for wall mode: `wall=1` or `wall=true`. */
export function isWallRequested(value: string | string[] | undefined): boolean {
  const first = Array.isArray(value) ? value[0] : value;
  return first === "1" || first === "true";
}
