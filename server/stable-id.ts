import { createHash } from "node:crypto";

/** A UUID-shaped id derived from `text` (SHA-256, version 5 and variant bits set): the same text always gives the same id. */
export function stableUuidOf(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
