import { randomUUID } from "node:crypto";
import type { Role, UserView } from "@/core/auth/auth";
import { AppError } from "../errors";
import type { PrismaClient } from "../db/generated/client";

interface UserRow {
  id: string;
  username: string;
  role: string;
  createdAt: Date;
  updatedAt: Date;
}

function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    role: row.role as Role,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
  };
}

function notFound(id: string): AppError {
  return new AppError("not_found", `No user ${id}; it may have been deleted.`);
}

/** Every user, by name. */
export async function listUsers(prisma: PrismaClient): Promise<UserView[]> {
  return (await prisma.user.findMany({ orderBy: { username: "asc" } })).map(toUserView);
}

/** The user and password hash for a sign-in; null for an unknown name. */
export async function findUserForSignIn(prisma: PrismaClient, username: string): Promise<(UserView & { passwordHash: string }) | null> {
  const row = await prisma.user.findUnique({ where: { username } });
  return row ? { ...toUserView(row), passwordHash: row.passwordHash } : null;
}

/** Creates a user; 409 when the name is taken. */
export async function createUser(
  prisma: PrismaClient,
  user: { username: string; passwordHash: string; role: Role },
  now: number,
): Promise<UserView> {
  const { count } = await prisma.user.createMany({
    data: [{ id: randomUUID(), ...user, createdAt: new Date(now), updatedAt: new Date(now) }],
    skipDuplicates: true,
  });
  if (count === 0) throw new AppError("conflict", `The username "${user.username}" is taken; pick another.`);
  return toUserView(await prisma.user.findUniqueOrThrow({ where: { username: user.username } }));
}

/**
 * Creates `admin` when there is no user at all, so a fresh install can be signed into; false when
 * users exist (or another process created it first).
 */
export async function createFirstAdmin(prisma: PrismaClient, passwordHash: string, now: number): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  const { count } = await prisma.user.createMany({
    data: [{ id: randomUUID(), username: "admin", passwordHash, role: "admin", createdAt: new Date(now), updatedAt: new Date(now) }],
    skipDuplicates: true,
  });
  return count === 1;
}

type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * The admins, counted with their rows locked until the transaction ends: two admins demoting or
 * deleting each other at once are taken one after the other, so the second sees the first's change.
 */
async function countAdminsLocked(tx: Transaction): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM users WHERE role = 'admin' FOR UPDATE`;
  return rows.length;
}

/**
 * Changes a user's role and/or password. A password change signs the user out everywhere; the
 * last admin cannot be demoted, so the users page always has someone who can open it.
 */
export async function updateUser(
  prisma: PrismaClient,
  id: string,
  change: { role?: Role | undefined; passwordHash?: string | undefined },
  now: number,
): Promise<UserView> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.user.findUnique({ where: { id } });
    if (!row) throw notFound(id);
    if (row.role === "admin" && change.role !== undefined && change.role !== "admin" && (await countAdminsLocked(tx)) === 1) {
      throw new AppError("conflict", `${row.username} is the last admin; make another user admin first.`);
    }
    const updated = await tx.user.update({
      where: { id },
      data: {
        ...(change.role ? { role: change.role } : {}),
        ...(change.passwordHash ? { passwordHash: change.passwordHash } : {}),
        updatedAt: new Date(now),
      },
    });
    if (change.passwordHash) await tx.session.deleteMany({ where: { userId: id } });
    return toUserView(updated);
  });
}

/** Deletes a user and their sessions; never the one asking, nor the last admin. */
export async function deleteUser(prisma: PrismaClient, id: string, askedBy: string): Promise<UserView> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.user.findUnique({ where: { id } });
    if (!row) throw notFound(id);
    if (row.username === askedBy) throw new AppError("conflict", "You cannot delete yourself; ask another admin.");
    if (row.role === "admin" && (await countAdminsLocked(tx)) === 1) {
      throw new AppError("conflict", `${row.username} is the last admin; make another user admin first.`);
    }
    await tx.user.delete({ where: { id } });
    return toUserView(row);
  });
}
