import { sessionResponseSchema, type SessionResponse } from "@/core/auth/auth";
import { fetchJson, readJson, sendRequest } from "@/components/ui/api-client";
import { z } from "zod";

export const SESSION_QUERY_KEY = ["session"] as const;

/** GET /api/session: who is signed in. */
export function fetchSession(signal: AbortSignal): Promise<SessionResponse> {
  return fetchJson("/api/session", "/api/session", sessionResponseSchema, signal);
}

/** DELETE /api/session. */
export async function signOut(): Promise<void> {
  const response = await sendRequest("/api/session", "/api/session", { method: "DELETE", headers: { accept: "application/json" } });
  await readJson("/api/session", response, z.object({ signedOut: z.boolean() }), (status, error) => error?.message ?? `HTTP ${status}`);
}
