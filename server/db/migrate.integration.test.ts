import { createHash } from "node:crypto";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, applyMigrations, readMigrations } from "./migrate";
import type { SqlClient } from "./sql-client";

/** The same adapter server/db/database.ts uses for PGlite. */
function pgliteSqlClient(db: PGlite): SqlClient {
  return {
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: async <T extends Record<string, unknown>>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  };
}

const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openDb(): Promise<{ db: PGlite; client: SqlClient }> {
  const db = await PGlite.create();
  cleanups.push(() => db.close());
  return { db, client: pgliteSqlClient(db) };
}

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

    const columns = await client.query<{ column_name: string; data_type: string; is_nullable: string; character_maximum_length: number | null }>(
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
    const recorded = await client.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
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

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  schema?: string | null;
  fields: DmmfField[];
}

interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: Array<{ name: string }>;
}

interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: Array<{ name: string; dbName?: string | null }>;
    indexes: DmmfIndex[];
  };
}

/** One column as information_schema describes it, reduced to a comparable signature. */
interface ColumnShape {
  table: string;
  column: string;
  type: string;
  nullable: boolean;
}

interface IndexShape {
  table: string;
  kind: "primary" | "unique" | "normal";
  columns: string[];
}

interface ForeignKeyShape {
  table: string;
  columns: string[];
  references: string;
  referencedColumns: string[];
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp without time zone(3)",
  Json: "jsonb",
  Bytes: "bytea",
  Decimal: "numeric(65,30)",
};

/** The Postgres type Prisma gives a field, in the same form `describeColumnType` writes. */
function expectedColumnType(model: DmmfModel, field: DmmfField, enumDbNames: Map<string, string>): string {
  const where = `${model.name}.${field.name} (${field.type}${field.nativeType ? ` @db.${field.nativeType[0]}(${field.nativeType[1].join(",")})` : ""})`;
  if (field.isList) throw new Error(`migrate.integration.test.ts has no mapping for list field ${where}; extend expectedColumnType`);
  if (field.kind === "enum") return `enum ${enumDbNames.get(field.type) ?? field.type}`;
  if (field.kind !== "scalar") throw new Error(`migrate.integration.test.ts has no mapping for ${field.kind} field ${where}; extend expectedColumnType`);
  if (field.nativeType) {
    const [native, args] = field.nativeType;
    const key = `${field.type}:${native}`;
    switch (key) {
      case "DateTime:Timestamptz":
        return `timestamp with time zone(${args[0] ?? "6"})`;
      case "DateTime:Timestamp":
        return `timestamp without time zone(${args[0] ?? "6"})`;
      case "DateTime:Date":
        return "date";
      case "String:Text":
        return "text";
      case "String:VarChar":
        return args[0] === undefined ? "character varying" : `character varying(${args[0]})`;
      case "String:Uuid":
        return "uuid";
      case "Int:Integer":
        return "integer";
      case "Float:DoublePrecision":
        return "double precision";
      case "Json:JsonB":
        return "jsonb";
      default:
        throw new Error(`migrate.integration.test.ts has no mapping for native type of ${where}; extend expectedColumnType`);
    }
  }
  const type = SCALAR_TYPES[field.type];
  if (type === undefined) throw new Error(`migrate.integration.test.ts has no mapping for scalar type of ${where}; extend SCALAR_TYPES`);
  return type;
}

/** A column's type from information_schema in the form expectedColumnType writes. */
function describeColumnType(row: {
  data_type: string;
  udt_name: string;
  datetime_precision: number | null;
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
}): string {
  if (row.data_type.startsWith("timestamp")) return `${row.data_type}(${row.datetime_precision})`;
  if (row.data_type === "character varying" && row.character_maximum_length !== null) {
    return `character varying(${row.character_maximum_length})`;
  }
  if (row.data_type === "numeric" && row.numeric_precision !== null) return `numeric(${row.numeric_precision},${row.numeric_scale})`;
  if (row.data_type === "USER-DEFINED") return `enum ${row.udt_name}`;
  if (row.data_type === "ARRAY") return `array ${row.udt_name}`;
  return row.data_type;
}

function expectedSchema(dmmf: Dmmf): { tables: string[]; columns: ColumnShape[]; indexes: IndexShape[]; foreignKeys: ForeignKeyShape[] } {
  const enumDbNames = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    if (!field) throw new Error(`DMMF names field ${model.name}.${fieldName}, which the model lacks`);
    return field.dbName ?? field.name;
  };

  const columns: ColumnShape[] = [];
  const foreignKeys: ForeignKeyShape[] = [];
  for (const model of dmmf.datamodel.models) {
    if (model.schema) throw new Error(`migrate.test.ts only checks the public schema; ${model.name} is in ${model.schema}`);
    for (const field of model.fields) {
      if (field.kind === "object") {
        // The side of a relation holding the foreign key names its columns; the other side has none.
        if (field.relationFromFields && field.relationFromFields.length > 0) {
          const target = models.get(field.type)!;
          foreignKeys.push({
            table: tableOf(model),
            columns: field.relationFromFields.map((f) => columnOf(model, f)),
            references: tableOf(target),
            referencedColumns: (field.relationToFields ?? []).map((f) => columnOf(target, f)),
          });
        }
        continue;
      }
      columns.push({
        table: tableOf(model),
        column: field.dbName ?? field.name,
        type: expectedColumnType(model, field, enumDbNames),
        nullable: !field.isRequired,
      });
    }
  }

  const indexes: IndexShape[] = dmmf.datamodel.indexes.map((index) => {
    const model = models.get(index.model)!;
    if (index.type === "fulltext") throw new Error(`migrate.integration.test.ts has no mapping for fulltext index on ${index.model}`);
    return {
      table: tableOf(model),
      kind: index.type === "id" ? "primary" : index.type,
      columns: index.fields.map((f) => columnOf(model, f.name)),
    };
  });

  return { tables: dmmf.datamodel.models.map(tableOf), columns, indexes, foreignKeys };
}

async function actualSchema(client: SqlClient): Promise<{ tables: string[]; columns: ColumnShape[]; indexes: IndexShape[]; foreignKeys: ForeignKeyShape[] }> {
  const tables = await client.query<{ table_name: string; table_type: string }>(
    `SELECT table_name, table_type FROM information_schema.tables
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  const columns = await client.query<{
    table_name: string;
    column_name: string;
    is_nullable: "YES" | "NO";
    data_type: string;
    udt_name: string;
    datetime_precision: number | null;
    character_maximum_length: number | null;
    numeric_precision: number | null;
    numeric_scale: number | null;
  }>(
    `SELECT table_name, column_name, is_nullable, data_type, udt_name, datetime_precision,
            character_maximum_length, numeric_precision, numeric_scale
     FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  const indexes = await client.query<{ table_name: string; index_name: string; is_primary: boolean; is_unique: boolean; columns: string[] }>(
    `SELECT t.relname AS table_name, i.relname AS index_name, ix.indisprimary AS is_primary, ix.indisunique AS is_unique,
            ARRAY(SELECT a.attname::text
                  FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                  ORDER BY k.ord) AS columns
     FROM pg_index ix
     JOIN pg_class t ON t.oid = ix.indrelid
     JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`,
  );
  const constraints = await client.query<{ table_name: string; contype: string; columns: string[]; references: string | null; referenced_columns: string[] | null }>(
    `SELECT t.relname AS table_name, c.contype::text AS contype,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            r.relname::text AS references,
            CASE WHEN c.confrelid = 0 THEN NULL ELSE
              ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord) END AS referenced_columns
     FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     LEFT JOIN pg_class r ON r.oid = c.confrelid
     WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations' AND c.contype IN ('p', 'u', 'f', 'c', 'x')`,
  );

  // Prisma creates tables only: a view or other relation in public is not from schema.prisma.
  for (const t of tables) expect(`${t.table_name}: ${t.table_type}`).toBe(`${t.table_name}: BASE TABLE`);
  // Primary keys are constraints, uniques are unique indexes, relations are foreign keys; nothing else.
  const primaryKeys = constraints.filter((c) => c.contype === "p").map((c) => ({ table: c.table_name, kind: "primary" as const, columns: c.columns }));
  const unexpected = constraints.filter((c) => c.contype !== "p" && c.contype !== "f");
  expect(unexpected, "constraints Prisma would not create (unique constraints, checks, exclusions)").toEqual([]);
  const primaryIndexes = indexes.filter((i) => i.is_primary).map((i) => ({ table: i.table_name, kind: "primary" as const, columns: i.columns }));
  expect(sortShapes(primaryIndexes)).toEqual(sortShapes(primaryKeys));

  return {
    tables: tables.map((t) => t.table_name),
    columns: columns.map((c) => ({ table: c.table_name, column: c.column_name, type: describeColumnType(c), nullable: c.is_nullable === "YES" })),
    indexes: indexes.map((i) => ({
      table: i.table_name,
      kind: i.is_primary ? "primary" : i.is_unique ? "unique" : "normal",
      columns: i.columns,
    })),
    foreignKeys: constraints
      .filter((c) => c.contype === "f")
      .map((c) => ({ table: c.table_name, columns: c.columns, references: c.references!, referencedColumns: c.referenced_columns! })),
  };
}

function sortShapes<T>(items: T[]): T[] {
  return [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** What `expected` has that `actual` lacks, and the reverse, as sorted JSON lines. */
function diffShapes<T>(actual: T[], expected: T[]): { missing: string[]; extra: string[] } {
  const key = (item: T) => JSON.stringify(item);
  const actualKeys = new Set(actual.map(key));
  const expectedKeys = new Set(expected.map(key));
  return {
    missing: [...expectedKeys].filter((k) => !actualKeys.has(k)).sort(),
    extra: [...actualKeys].filter((k) => !expectedKeys.has(k)).sort(),
  };
}

/** Asserts `actual` and `expected` hold the same items, listing what is missing and what is extra. */
function expectSameSet<T>(what: string, actual: T[], expected: T[]): void {
  expect({ what, ...diffShapes(actual, expected) }).toEqual({ what, missing: [], extra: [] });
  // No duplicates either (two identical indexes, say).
  expect(actual.length, `${what}: duplicates in the database`).toBe(new Set(actual.map((a) => JSON.stringify(a))).size);
}

async function loadDmmf(): Promise<Dmmf> {
  const wasm = await import("@prisma/prisma-schema-wasm");
  const prismaSchema = readFileSync(path.resolve(process.cwd(), "prisma/schema.prisma"), "utf8");
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema }))) as Dmmf;
}

describe("the migrations produce exactly schema.prisma", () => {
  it("has the tables, columns (type, precision, nullability), keys and indexes of the Prisma schema and nothing else", async () => {
    const { client } = await openDb();
    await applyMigrations(client, await readMigrations());
    const dmmf = await loadDmmf();
    const expected = expectedSchema(dmmf);
    const actual = await actualSchema(client);

    // The schema is not empty, so the comparison below compares something.
    expect(expected.tables.length).toBeGreaterThan(0);
    expect(expected.indexes.filter((i) => i.kind === "primary").length).toBe(expected.tables.length);

    expectSameSet("tables", actual.tables, expected.tables);
    expectSameSet("columns", actual.columns, expected.columns);
    expectSameSet("indexes", actual.indexes, expected.indexes);
    expectSameSet("foreign keys", actual.foreignKeys, expected.foreignKeys);
  });

  it("derives the expected shape of the current RegionRollup model as written in schema.prisma", async () => {
    // Pins the generic mapping above to a known model, so a mapping mistake cannot hide on both sides.
    const expected = expectedSchema(await loadDmmf());
    expect(expected.columns.filter((c) => c.table === "region_rollups")).toEqual([
      { table: "region_rollups", column: "region", type: "text", nullable: false },
      { table: "region_rollups", column: "bucket_start", type: "timestamp with time zone(3)", nullable: false },
      { table: "region_rollups", column: "seconds", type: "double precision", nullable: false },
      { table: "region_rollups", column: "events", type: "integer", nullable: false },
      { table: "region_rollups", column: "errors", type: "integer", nullable: false },
      { table: "region_rollups", column: "quality_changes", type: "integer", nullable: false },
      { table: "region_rollups", column: "buffer_health_sum", type: "double precision", nullable: false },
      { table: "region_rollups", column: "viewers", type: "integer", nullable: false },
      { table: "region_rollups", column: "utilization_percent", type: "double precision", nullable: false },
      { table: "region_rollups", column: "p50_ms", type: "double precision", nullable: false },
      { table: "region_rollups", column: "p95_ms", type: "double precision", nullable: false },
      { table: "region_rollups", column: "p99_ms", type: "double precision", nullable: false },
      { table: "region_rollups", column: "covered_from", type: "timestamp with time zone(3)", nullable: true },
      { table: "region_rollups", column: "covered_to", type: "timestamp with time zone(3)", nullable: true },
      { table: "region_rollups", column: "lag_messages", type: "integer", nullable: false },
      { table: "region_rollups", column: "lag_seconds", type: "double precision", nullable: false },
    ]);
    expect(expected.indexes.filter((i) => i.table === "region_rollups")).toEqual([
      { table: "region_rollups", kind: "primary", columns: ["region", "bucket_start"] },
      { table: "region_rollups", kind: "normal", columns: ["bucket_start"] },
    ]);
  });

  it("detects a drifted column type, a missing index and an extra column (the comparison can fail)", async () => {
    const { client } = await openDb();
    await applyMigrations(client, await readMigrations());
    await client.exec(`
      ALTER TABLE region_rollups ALTER COLUMN bucket_start TYPE timestamp(3);
      DROP INDEX region_rollups_bucket_start_idx;
      ALTER TABLE region_rollups ADD COLUMN stray integer;
    `);
    const expected = expectedSchema(await loadDmmf());
    const actual = await actualSchema(client);

    expect(diffShapes(actual.columns, expected.columns)).toEqual({
      missing: [JSON.stringify({ table: "region_rollups", column: "bucket_start", type: "timestamp with time zone(3)", nullable: false })],
      extra: [
        JSON.stringify({ table: "region_rollups", column: "bucket_start", type: "timestamp without time zone(3)", nullable: false }),
        JSON.stringify({ table: "region_rollups", column: "stray", type: "integer", nullable: true }),
      ],
    });
    expect(diffShapes(actual.indexes, expected.indexes)).toEqual({
      missing: [JSON.stringify({ table: "region_rollups", kind: "normal", columns: ["bucket_start"] })],
      extra: [],
    });
    expect(diffShapes(actual.tables, expected.tables)).toEqual({ missing: [], extra: [] });
  });
});
