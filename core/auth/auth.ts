import { z } from "zod";

/** Roles in rising order: each can do everything the one before it can. */
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES, { error: `role must be one of ${ROLES.join(", ")}` });

/** Whether `role` may do what `needed` may. */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export const usernameSchema = z
  .string({ error: "username is required" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,40}$/, "username must be 2 to 40 letters, digits, '.', '_' or '-'");

export const passwordSchema = z
  .string({ error: "password is required" })
  .min(8, "password must be at least 8 characters")
  .max(200, "password must be at most 200 characters");

export const sessionUserSchema = z.object({ username: z.string(), role: roleSchema });
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** What POST and GET /api/session answer: who is signed in, and the token every mutation must send as x-csrf-token. */
export const sessionResponseSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: roleSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type UserView = z.infer<typeof userViewSchema>;
export const userListSchema = z.object({ users: z.array(userViewSchema) });

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  actor: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  outcome: z.string(),
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The header a signed-in browser or script sends with every mutation. */
export const CSRF_HEADER = "x-csrf-token";
export const SESSION_COOKIE = "signalbox_session";
