import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { once } from "../once";
import { PrismaClient } from "./generated/client";
import { applyMigrations, readMigrations } from "./migrate";
import type { SqlClient } from "./sql-client";

export interface Database {
  readonly kind: "pglite" | "postgres";
  /** Where the data lives, without credentials, for logs and health. */
  readonly location: string;
  readonly prisma: PrismaClient;
  /** Closes Prisma and the driver; safe to call twice. */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
}

function pgliteSqlClient(db: PGlite): SqlClient {
  return {
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: async <T extends Record<string, unknown>>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  };
}

function pgSqlClient(client: pg.Client): SqlClient {
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <T extends Record<string, unknown>>(sql: string, params?: unknown[]) => (await client.query<T>(sql, params)).rows,
  };
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

/** Opens Postgres at `databaseUrl`, or embedded PGlite under `dataDir`, and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const migrations = await readMigrations();
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    const migrator = new pg.Client({ connectionString: url });
    await migrator.connect();
    try {
      await applyMigrations(pgSqlClient(migrator), migrations);
    } finally {
      await migrator.end();
    }
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    return { kind: "postgres", location: redactUrl(url), prisma, close: once(() => prisma.$disconnect()) };
  }
  const dir = path.resolve(options.dataDir, "pglite");
  await mkdir(dir, { recursive: true });
  // Postgres's default 128 MB of shared buffers is sized for a server; a few 10 s rollups need far less.
  const pglite = await PGlite.create(dir, { startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"] });
  try {
    await applyMigrations(pgliteSqlClient(pglite), migrations);
  } catch (error) {
    await pglite.close();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "pglite",
    location: dir,
    prisma,
    close: once(async () => {
      await prisma.$disconnect();
      await pglite.close();
    }),
  };
}
