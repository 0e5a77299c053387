import { randomUUID } from "node:crypto";
import type { Role } from "@/core/auth/auth";
import type { PrismaClient } from "../db/generated/client";

export interface SessionRecord {
  id: string;
  csrfToken: string;
  user: { id: string; username: string; role: Role };
}

/** Stores a new session (only its token's hash) and drops expired ones, so the table does not grow forever. */
export async function createSession(
  prisma: PrismaClient,
  session: { userId: string; tokenHash: string; csrfToken: string; expiresAt: number },
  now: number,
): Promise<void> {
  await prisma.session.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  await prisma.session.create({
    data: {
      id: randomUUID(),
      tokenHash: session.tokenHash,
      csrfToken: session.csrfToken,
      userId: session.userId,
      createdAt: new Date(now),
      expiresAt: new Date(session.expiresAt),
    },
  });
}

/** The unexpired session with this token hash and its user as they are now (a role change applies at once); null otherwise. */
export async function findSession(prisma: PrismaClient, tokenHash: string, now: number): Promise<SessionRecord | null> {
  const row = await prisma.session.findUnique({ where: { tokenHash }, include: { user: true } });
  if (!row || row.expiresAt.getTime() <= now) return null;
  return { id: row.id, csrfToken: row.csrfToken, user: { id: row.user.id, username: row.user.username, role: row.user.role as Role } };
}

/** Which of these session token hashes still open a session at `now` (not signed out, expired, or of a deleted user). */
export async function listLiveSessionHashes(prisma: PrismaClient, tokenHashes: readonly string[], now: number): Promise<Set<string>> {
  if (tokenHashes.length === 0) return new Set();
  const rows = await prisma.session.findMany({
    where: { tokenHash: { in: [...tokenHashes] }, expiresAt: { gt: new Date(now) } },
    select: { tokenHash: true },
  });
  return new Set(rows.map((row) => row.tokenHash));
}

export async function deleteSession(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id } });
}
