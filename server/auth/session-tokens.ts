import { createHash, randomBytes } from "node:crypto";

/** A random opaque token (256 bits), for the session cookie or the CSRF header. */
export function createToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a session token: its sha256, so the table alone cannot sign anyone in. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
