import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanups, openDb } from "../testing/pglite-db";
import { MIGRATIONS_DIR, applyMigrations, readMigrations } from "./migrate";
import type { SqlClient } from "./sql-client";

/** A migrations folder under os.tmpdir() laid out as Prisma does: <name>/migration.sql. */
function tempMigrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "signalbox-migrations-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function tableNames(client: SqlClient): Promise<string[]> {
  const rows = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("readMigrations", () => {
  it("reads every migration folder in name order with the sha256 of its SQL", async () => {
    const dir = tempMigrationsDir({
      "20260102000000_second": "CREATE TABLE b (id int);",
      "20260101000000_first": "CREATE TABLE a (id int);",
    });
    writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');

    expect(await readMigrations(dir)).toEqual([
      { name: "20260101000000_first", sql: "CREATE TABLE a (id int);", checksum: sha256("CREATE TABLE a (id int);") },
      { name: "20260102000000_second", sql: "CREATE TABLE b (id int);", checksum: sha256("CREATE TABLE b (id int);") },
    ]);
  });

  it("defaults to the repository's prisma/migrations", async () => {
    const migrations = await readMigrations();
    expect(MIGRATIONS_DIR).toBe(path.resolve(process.cwd(), "prisma/migrations"));
    expect(migrations.map((m) => m.name)).toContain("20261126000000_region_rollups");
    for (const m of migrations) {
      expect(m.sql).toBe(readFileSync(path.join(MIGRATIONS_DIR, m.name, "migration.sql"), "utf8"));
      expect(m.checksum).toBe(sha256(m.sql));
    }
  });
});

describe("applyMigrations", () => {
  it("applies each migration once; a second run applies none", async () => {
    const { client } = await openDb();
    const migrations = await readMigrations();

    expect(await applyMigrations(client, migrations)).toEqual(migrations.map((m) => m.name));
    expect(await applyMigrations(client, migrations)).toEqual([]);
    const counts = await client.query<{ migration_name: string; n: number }>(
      `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name`,
    );
    expect(counts).toEqual(migrations.map((m) => ({ migration_name: m.name, n: 1 })));
  });

  it("applies only the migrations added since the last run", async () => {
    const { client } = await openDb();
    const first = { "20260101000000_a": "CREATE TABLE a (id int);" };
    const both = { ...first, "20260102000000_b": "CREATE TABLE b (id int);" };

    expect(await applyMigrations(client, await readMigrations(tempMigrationsDir(first)))).toEqual(["20260101000000_a"]);
    expect(await applyMigrations(client, await readMigrations(tempMigrationsDir(both)))).toEqual(["20260102000000_b"]);
    expect(await tableNames(client)).toEqual(["_prisma_migrations", "a", "b"]);
  });

  it("records applied migrations in _prisma_migrations with Prisma's columns, finished_at and the file's sha256", async () => {
    const { client } = await openDb();
    const migrations = await readMigrations();
    const before = Date.now();
    await applyMigrations(client, migrations);

    const columns = await client.query<{
      column_name: string;
      data_type: string;
      is_nullable: string;
      character_maximum_length: number | null;
    }>(
      `SELECT column_name, data_type, is_nullable, character_maximum_length FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", is_nullable: "NO", character_maximum_length: 36 },
      { column_name: "checksum", data_type: "character varying", is_nullable: "NO", character_maximum_length: 64 },
      { column_name: "finished_at", data_type: "timestamp with time zone", is_nullable: "YES", character_maximum_length: null },
      { column_name: "migration_name", data_type: "character varying", is_nullable: "NO", character_maximum_length: 255 },
      { column_name: "logs", data_type: "text", is_nullable: "YES", character_maximum_length: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", is_nullable: "YES", character_maximum_length: null },
      { column_name: "started_at", data_type: "timestamp with time zone", is_nullable: "NO", character_maximum_length: null },
      { column_name: "applied_steps_count", data_type: "integer", is_nullable: "NO", character_maximum_length: null },
    ]);

    const rows = await client.query<{
      id: string;
      checksum: string;
      finished_at: Date | null;
      migration_name: string;
      logs: string | null;
      rolled_back_at: Date | null;
      started_at: Date;
      applied_steps_count: number;
    }>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => ({ name: r.migration_name, checksum: r.checksum }))).toEqual(
      migrations.map((m) => ({ name: m.name, checksum: sha256(readFileSync(path.join(MIGRATIONS_DIR, m.name, "migration.sql"), "utf8")) })),
    );
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it("refuses to run when an applied migration's SQL was edited, naming the migration", async () => {
    const { client } = await openDb();
    const original = await readMigrations(tempMigrationsDir({ "20260101000000_create_a": "CREATE TABLE a (id int);" }));
    await applyMigrations(client, original);

    const edited = await readMigrations(
      tempMigrationsDir({
        "20260101000000_create_a": "CREATE TABLE a (id bigint);",
        "20260102000000_create_b": "CREATE TABLE b (id int);",
      }),
    );
    await expect(applyMigrations(client, edited)).rejects.toThrow(
      "Migration 20260101000000_create_a was edited after it was applied; add a new migration instead.",
    );
    // Nothing after the edited migration ran.
    expect(await tableNames(client)).toEqual(["_prisma_migrations", "a"]);
  });

  it("rolls a failing migration back entirely and throws naming it, keeping the ones before it", async () => {
    const { client } = await openDb();
    const migrations = await readMigrations(
      tempMigrationsDir({
        "20260101000000_good": "CREATE TABLE good (id int);",
        "20260102000000_broken": "CREATE TABLE partial (id int);\nINSERT INTO partial VALUES (1);\nSELECT * FROM no_such_table;",
        "20260103000000_after": "CREATE TABLE after_broken (id int);",
      }),
    );

    const error = await applyMigrations(client, migrations).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Migration 20260102000000_broken failed: .*no_such_table/);

    expect(await tableNames(client)).toEqual(["_prisma_migrations", "good"]);
    const recorded = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(recorded).toEqual([{ migration_name: "20260101000000_good" }]);

    // Once fixed, the next run applies the failed migration and the ones after it.
    const fixed = await readMigrations(
      tempMigrationsDir({
        "20260101000000_good": "CREATE TABLE good (id int);",
        "20260102000000_broken": "CREATE TABLE partial (id int);",
        "20260103000000_after": "CREATE TABLE after_broken (id int);",
      }),
    );
    expect(await applyMigrations(client, fixed)).toEqual(["20260102000000_broken", "20260103000000_after"]);
  });

  it("releases its advisory lock, also after a failure", async () => {
    const { client } = await openDb();
    const broken = await readMigrations(tempMigrationsDir({ "20260101000000_broken": "SELECT * FROM no_such_table;" }));
    await expect(applyMigrations(client, broken)).rejects.toThrow("Migration 20260101000000_broken failed");

    const locks = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`);
    expect(locks).toEqual([{ n: 0 }]);
  });
});

// ---------------------------------------------------------------------------------------------
// The migrations must produce exactly the database schema.prisma describes, so Prisma Client's
// queries match the tables and `prisma migrate diff` would find nothing to do.
// ---------------------------------------------------------------------------------------------
