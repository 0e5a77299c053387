/**
 * The database handle the rest of the server passes to services without calling it: workers and
 * sockets name this type, so only services/ and db/ import Prisma itself.
 */
export type { PrismaClient as DbClient } from "../db/generated/client";
