import type { PrismaClient } from "../db/generated/client";

/** Round-trips a trivial query; throws what the driver says when the database cannot answer. */
export async function checkDatabase(prisma: PrismaClient): Promise<void> {
  await prisma.$queryRaw`SELECT 1`;
}
