import { PGlite } from "@electric-sql/pglite";
import { afterEach } from "vitest";
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
