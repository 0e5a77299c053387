import { z } from "zod";
import { passwordSchema, roleSchema, usernameSchema, type UserView } from "@/core/auth/auth";
import { hashPassword } from "../auth/passwords";
import type { Runtime } from "../runtime";
import { createUser, deleteUser, listUsers, updateUser } from "../services/user-accounts";
import { readJsonBody } from "./respond";
import { parseBody, parseId } from "./validate";

const MAX_BODY_BYTES = 4096;

const newUserSchema = z.object({ username: usernameSchema, password: passwordSchema, role: roleSchema }).strict();
const userChangeSchema = z
  .object({ role: roleSchema.optional(), password: passwordSchema.optional() })
  .strict()
  .refine((change) => change.role !== undefined || change.password !== undefined, "give a role, a password, or both");

const userIdSchema = z.uuid({ error: "must be a user id (a UUID)" });

/** GET /api/users. */
export async function getUsers(runtime: Runtime): Promise<{ users: UserView[] }> {
  return { users: await listUsers(runtime.database.prisma) };
}

/** POST /api/users {username, password, role}. */
export async function addUser(runtime: Runtime, request: Request): Promise<UserView> {
  const body = parseBody(newUserSchema, await readJsonBody(request, MAX_BODY_BYTES));
  return createUser(
    runtime.database.prisma,
    { username: body.username, role: body.role, passwordHash: await hashPassword(body.password) },
    Date.now(),
  );
}

/** PUT /api/users/:id {role?, password?}: a new password signs the user out everywhere. */
export async function changeUser(runtime: Runtime, id: string, request: Request): Promise<UserView> {
  const valid = parseId(userIdSchema, id);
  const body = parseBody(userChangeSchema, await readJsonBody(request, MAX_BODY_BYTES));
  const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password);
  return updateUser(runtime.database.prisma, valid, { role: body.role, passwordHash }, Date.now());
}

/** DELETE /api/users/:id: never yourself, never the last admin. */
export async function removeUser(runtime: Runtime, id: string, askedBy: string): Promise<UserView> {
  const valid = parseId(userIdSchema, id);
  return deleteUser(runtime.database.prisma, valid, askedBy);
}
