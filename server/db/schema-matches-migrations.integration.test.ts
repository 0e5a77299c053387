import { describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "../db/migrate";
import { openDb } from "../testing/pglite-db";
import { actualSchema, diffShapes, expectedSchema, expectSameSet, loadDmmf } from "../testing/schema-shapes";

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
      { table: "region_rollups", column: "quality_360p", type: "integer", nullable: false },
      { table: "region_rollups", column: "quality_480p", type: "integer", nullable: false },
      { table: "region_rollups", column: "quality_720p", type: "integer", nullable: false },
      { table: "region_rollups", column: "quality_1080p", type: "integer", nullable: false },
      { table: "region_rollups", column: "quality_4k", type: "integer", nullable: false },
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
