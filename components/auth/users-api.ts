import type { Role, UserView } from "@/core/auth/auth";
import { userListSchema, userViewSchema } from "@/core/auth/auth";
import { fetchJson, readJson, sendRequest } from "@/components/ui/api-client";

export const USERS_QUERY_KEY = ["users"] as const;

/** GET /api/users (admins). */
export function fetchUsers(signal: AbortSignal): Promise<{ users: UserView[] }> {
  return fetchJson("/api/users", "/api/users", userListSchema, signal);
}

async function sendUser(method: "POST" | "PUT" | "DELETE", url: string, body?: object): Promise<UserView> {
  const response = await sendRequest(url, url, {
    method,
    headers: { accept: "application/json", ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  // The server's message says what to fix (a taken name, the last admin), so it is what the admin reads.
  return readJson(url, response, userViewSchema, (status, error) => error?.message ?? `HTTP ${status}`);
}

export function createUser(user: { username: string; password: string; role: Role }): Promise<UserView> {
  return sendUser("POST", "/api/users", user);
}

export function updateUser(id: string, change: { role?: Role; password?: string }): Promise<UserView> {
  return sendUser("PUT", `/api/users/${encodeURIComponent(id)}`, change);
}

export function deleteUser(id: string): Promise<UserView> {
  return sendUser("DELETE", `/api/users/${encodeURIComponent(id)}`);
}
