import { randomUUID } from "node:crypto";
import type { Silence } from "@/core/alerts/alert-rules";
import type { PrismaClient } from "../db/generated/client";

/** Stores a silence from `now` for its duration. */
export async function saveSilence(
  prisma: PrismaClient,
  silence: Omit<Silence, "id" | "startsAt" | "endsAt">,
  durationMinutes: number,
  now: number,
): Promise<Silence> {
  const row = await prisma.silence.create({
    data: { id: randomUUID(), ...silence, startsAt: new Date(now), endsAt: new Date(now + durationMinutes * 60_000) },
  });
  return { ...silence, id: row.id, startsAt: row.startsAt.getTime(), endsAt: row.endsAt.getTime() };
}
