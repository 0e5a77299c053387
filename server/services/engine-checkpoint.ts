import type { PrismaClient } from "../db/generated/client";

const CHECKPOINT_ID = "engine";

/** Replaces the engine's checkpoint with `state` as of `at`. */
export async function saveEngineCheckpoint(prisma: PrismaClient, state: unknown, at: number): Promise<void> {
  const data = { at: new Date(at), state: state as object };
  await prisma.engineCheckpoint.upsert({ where: { id: CHECKPOINT_ID }, create: { id: CHECKPOINT_ID, ...data }, update: data });
}

/** The last checkpoint's state and time, or null on a fresh database. */
export async function loadEngineCheckpoint(prisma: PrismaClient): Promise<{ state: unknown; at: number } | null> {
  const row = await prisma.engineCheckpoint.findUnique({ where: { id: CHECKPOINT_ID } });
  return row ? { state: row.state, at: row.at.getTime() } : null;
}
