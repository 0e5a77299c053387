import { PGlite } from "@electric-sql/pglite";
import { afterEach } from "vitest";
import { applyMigrations, readMigrations } from "../db/migrate";
import type { SqlClient } from "../db/sql-client";

/** The same adapter server/db/database.ts uses for PGlite. */
export function pgliteSqlClient(db: PGlite): SqlClient {
  return {
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: async <T extends Record<string, unknown>>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  };
}

/** What each test opened or made, undone after it (the afterEach below runs in every test file that imports this module). */
export const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An empty in-memory PGlite, closed after the test. */
export async function openDb(): Promise<{ db: PGlite; client: SqlClient }> {
  const db = await PGlite.create();
  cleanups.push(() => db.close());
  return { db, client: pgliteSqlClient(db) };
}

/**
 * An empty in-memory PGlite migrated up to, not including, `migration`, for a test to put rows in
 * as they were before it; `applyIt` then runs that migration.
 */
export async function openDbBefore(migration: string): Promise<{ client: SqlClient; applyIt: () => Promise<void> }> {
  const { client } = await openDb();
  const migrations = await readMigrations();
  const index = migrations.findIndex((m) => m.name === migration);
  if (index < 0) throw new Error(`No migration ${migration} in prisma/migrations`);
  await applyMigrations(client, migrations.slice(0, index));
  return {
    client,
    applyIt: async () => {
      await applyMigrations(client, migrations.slice(0, index + 1));
    },
  };
}
