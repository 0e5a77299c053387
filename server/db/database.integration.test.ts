import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import type { RollupRecord } from "@/core/metrics/history";
import { listRegionRollups } from "../services/list-region-rollups";
import { saveRegionRollups } from "../services/save-region-rollups";
import { createTestDatabase, type TestDatabase } from "../testing/postgres";
import { openDatabase, type Database } from "./database";
import { readMigrations } from "./migrate";

const record: RollupRecord = {
  region: "pune",
  bucketStart: Date.UTC(2025, 10, 26, 19, 30, 10),
  seconds: 10,
  events: 100,
  errors: 3,
  qualityChanges: 4,
  bufferHealthSum: 650.5,
  viewers: 1000,
  utilizationPercent: 0.04,
  p50Ms: 1.5,
  p95Ms: 4.25,
  p99Ms: 8,
  coveredFrom: Date.UTC(2025, 10, 26, 19, 30, 10),
  coveredTo: Date.UTC(2025, 10, 26, 19, 30, 20),
  lagMessages: 0,
  lagSeconds: 0,
  quality: { "360p": 10, "480p": 20, "720p": 40, "1080p": 25, "4K": 5 },
};

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function openPostgres(): Promise<{ db: Database; test: TestDatabase }> {
  const test = await createTestDatabase(inject("postgresUrl"));
  cleanups.push(test.drop);
  const db = await openDatabase({ databaseUrl: test.url, dataDir: "unused" });
  cleanups.push(db.close);
  return { db, test };
}

async function openPglite(): Promise<{ db: Database; dir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "signalbox-db-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const db = await openDatabase({ dataDir: dir });
  cleanups.push(db.close);
  return { db, dir };
}

describe.each([
  ["Postgres", openPostgres],
  ["PGlite", openPglite],
] as const)("history on %s", (_name, open) => {
  it("applies the migrations at open and round-trips a rollup", async () => {
    const { db } = await open();
    await saveRegionRollups(db.prisma, [record]);
    expect(await listRegionRollups(db.prisma, { from: record.bucketStart, to: record.bucketStart + 1 })).toEqual([record]);
  });

  it("completes a bucket split by a restart: sums add, the covered span widens, gauges take the newer, quantiles and lag the worst", async () => {
    const { db } = await open();
    await saveRegionRollups(db.prisma, [record]);
    const rest = { coveredFrom: record.coveredTo, coveredTo: record.coveredTo + 5000, lagMessages: 40, lagSeconds: 1.5 };
    await saveRegionRollups(db.prisma, [
      {
        ...record,
        ...rest,
        seconds: 5,
        events: 50,
        errors: 1,
        qualityChanges: 1,
        bufferHealthSum: 100,
        viewers: 900,
        p50Ms: 1,
        p95Ms: 9,
        quality: { "360p": 50, "480p": 0, "720p": 0, "1080p": 0, "4K": 0 },
      },
    ]);
    expect(await listRegionRollups(db.prisma, { region: "pune", from: 0, to: Date.now() })).toEqual([
      {
        ...record,
        ...rest,
        coveredFrom: record.coveredFrom,
        seconds: 15,
        events: 150,
        errors: 4,
        qualityChanges: 5,
        bufferHealthSum: 750.5,
        viewers: 900,
        p95Ms: 9,
        quality: { ...record.quality, "360p": 60 },
      },
    ]);
  });

  it("adds two processes' shares of the same seconds without counting the seconds twice", async () => {
    const { db } = await open();
    await saveRegionRollups(db.prisma, [record]);
    await saveRegionRollups(db.prisma, [{ ...record, events: 60, errors: 0, qualityChanges: 2, bufferHealthSum: 300 }]);
    expect(await listRegionRollups(db.prisma, { region: "pune", from: 0, to: Date.now() })).toEqual([
      {
        ...record,
        seconds: 10,
        events: 160,
        errors: 3,
        qualityChanges: 6,
        bufferHealthSum: 950.5,
        quality: { "360p": 20, "480p": 40, "720p": 80, "1080p": 50, "4K": 10 },
      },
    ]);
  });

  it("lists only the asked region and range, oldest first", async () => {
    const { db } = await open();
    const later = { ...record, bucketStart: record.bucketStart + 10_000 };
    await saveRegionRollups(db.prisma, [later, record, { ...record, region: "all" }]);
    expect(await listRegionRollups(db.prisma, { region: "pune", from: record.bucketStart, to: later.bucketStart + 1 })).toEqual([
      record,
      later,
    ]);
    expect(await listRegionRollups(db.prisma, { region: "pune", from: record.bucketStart + 1, to: later.bucketStart })).toEqual([]);
  });
});

describe("openDatabase", () => {
  it("migrates once when two processes open the same Postgres together", async () => {
    const test = await createTestDatabase(inject("postgresUrl"));
    cleanups.push(test.drop);
    const [a, b] = await Promise.all([
      openDatabase({ databaseUrl: test.url, dataDir: "unused" }),
      openDatabase({ databaseUrl: test.url, dataDir: "unused" }),
    ]);
    cleanups.push(a.close, b.close);
    const rows = await a.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "_prisma_migrations"`;
    expect(Number(rows[0]!.n)).toBe((await readMigrations()).length);
  });

  it("keeps PGlite history across a close and reopen of the same folder", async () => {
    const { db, dir } = await openPglite();
    await saveRegionRollups(db.prisma, [record]);
    await db.close();
    const again = await openDatabase({ dataDir: dir });
    cleanups.push(again.close);
    expect(await listRegionRollups(again.prisma, { from: 0, to: Date.now() })).toEqual([record]);
  });

  it("says which server it could not reach", async () => {
    await expect(openDatabase({ databaseUrl: "postgresql://nobody@127.0.0.1:1/none", dataDir: "unused" })).rejects.toThrow(/ECONNREFUSED/);
  });
});
