import { mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HistoryResponse, HistoryRollup, Snapshot } from "@/core/metrics/snapshot";
import { spawnServer, waitFor, type SpawnedServer } from "./testing/spawn-server";

const base = {
  user_id: "u",
  device_id: "d",
  event_type: "play",
  timestamp: 1_764_000_000_000,
  quality: "720p",
  content_id: "ipl-final",
  bitrate: 4000,
  buffer_health: 6,
  network_type: "4G",
};
const event = (n: number, location: string, extra: Record<string, unknown> = {}) => ({
  ...base,
  event_id: `e-${n}`,
  session_id: `s-${n}`,
  location,
  ...extra,
});

// 10 good events in 9 sessions (s-0 sends twice) and 3 bad ones at indexes 3, 7 and 11.
const batch = [
  event(0, "Mumbai"),
  event(1, "jaipur"),
  event(0, "mumbai", { event_id: "e-0b", timestamp: "2026-11-26T10:00:00Z" }),
  event(90, "Mumbai", { quality: "8K" }),
  event(2, "Gurgaon"),
  event(3, "DELHI", { event_type: "error", error_code: "E_TIMEOUT", error_message: "segment fetch timeout" }),
  event(4, "Mysore"),
  { ...event(91, "Pune"), session_id: undefined },
  event(5, "Vijayawada"),
  event(6, "Pune"),
  event(7, "Kolkata"),
  event(92, "Delhi", { bitrate: -5 }),
  event(8, "Bhubaneswar", { bitrate: 500, buffer_health: 1.5 }),
];
const expectedProcessed = { mumbai: 3, delhi: 2, bangalore: 1, hyderabad: 1, pune: 1, kolkata: 2 };

/** GET `path` as a signed-in admin, expecting 200. */
async function getJson<T>(server: SpawnedServer, path: string): Promise<T> {
  const response = await (await server.signIn()).fetch(path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

function postEvents(server: SpawnedServer, body: string, contentType = "application/json"): Promise<Response> {
  return fetch(`${server.url}/api/events`, { method: "POST", headers: { "content-type": contentType }, body });
}

function sumEventsByRegion(rollups: HistoryRollup[]): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const r of rollups) sums[r.region] = (sums[r.region] ?? 0) + r.events;
  return sums;
}

describe("server on embedded defaults, simulator off", () => {
  let dataDir: string;
  let server: SpawnedServer;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "signalbox-it-"));
    server = await spawnServer({ SIMULATOR: "off", DATA_DIR: dataDir, ROLLUP_SECONDS: "1", SNAPSHOT_INTERVAL_MS: "200" });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("reports every component's health", async () => {
    const health = await getJson<{ status: string; components: Record<string, { status: string }> }>(server, "/api/healthz");
    expect(health.status).toBe("ok");
    expect(Object.fromEntries(Object.entries(health.components).map(([k, v]) => [k, v.status]))).toEqual({
      database: "up",
      bus: "up",
      store: "up",
      history: "up",
      deadLetters: "up",
      simulator: "off",
    });
  });

  it("accepts the good events of a batch and rejects the bad ones one by one with a reason", async () => {
    const response = await postEvents(server, JSON.stringify(batch));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({
      accepted: 10,
      rejected: [
        { index: 3, reason: "quality: must be one of 360p, 480p, 720p, 1080p, 4K" },
        { index: 7, reason: "session_id: is required" },
        { index: 11, reason: "bitrate: must not be negative" },
      ],
    });
  });

  it.each([
    ["malformed JSON", "[{", "application/json", 400, "The body is not valid JSON"],
    ["a body that is not an array", '{"event_id":"x"}', "application/json", 400, "The body must be a JSON array of events (got object)."],
    ["an empty body", "", "application/json", 400, "The body is empty; send a JSON value."],
    [
      "a body that is not JSON",
      "hello",
      "text/plain",
      415,
      'Send the body as JSON with "content-type: application/json" (got "text/plain").',
    ],
  ])("answers %s with %s and a clear message", async (_name, body, type, status, message) => {
    const response = await postEvents(server, body, type);
    expect(response.status).toBe(status);
    const json = (await response.json()) as { error: { message: string } };
    expect(json.error.message.startsWith(message)).toBe(true);
  });

  it("refuses more than 10,000 events in one request", async () => {
    const response = await postEvents(server, JSON.stringify(Array.from({ length: 10_001 }, (_, i) => event(i, "pune"))));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      "At most 10000 events per request (got 10001); split the batch.",
    );
  });

  it("shows exact counts in the snapshot", async () => {
    const snapshot = await waitFor(
      () => getJson<Snapshot>(server, "/api/snapshot"),
      (s) => s.totals.processed === 10,
    );
    expect(snapshot.totals).toMatchObject({ accepted: 10, rejected: 3, processed: 10, viewers: 9 });
    expect(Object.fromEntries(snapshot.regions.map((r) => [r.id, r.processed]))).toEqual(expectedProcessed);
    expect(snapshot.rejections).toEqual([
      { reason: "bitrate: must not be negative", count: 1 },
      { reason: "quality: must be one of 360p, 480p, 720p, 1080p, 4K", count: 1 },
      { reason: "session_id: is required", count: 1 },
    ]);
  });

  it("writes the same counts to history", async () => {
    const history = await waitFor(
      () => getJson<{ rollups: HistoryRollup[] }>(server, "/api/history"),
      (h) => sumEventsByRegion(h.rollups).all === 10,
    );
    expect(sumEventsByRegion(history.rollups)).toEqual({ ...expectedProcessed, all: 10 });
    expect(history.rollups.filter((r) => r.region === "all").reduce((sum, r) => sum + r.errors, 0)).toBe(1);
  });

  it("answers a day of history in 5-minute steps, every count and the quality mix kept", async () => {
    const to = Date.now();
    const day = await getJson<HistoryResponse>(server, `/api/history?from=${to - 24 * 3_600_000}&to=${to}`);
    // 1 s buckets: 86,400 a region; 5 minutes is the first round step under 500 points.
    expect(day.stepSeconds).toBe(300);
    expect(day.rollups.every((r) => r.bucketStart % 300_000 === 0)).toBe(true);
    expect(sumEventsByRegion(day.rollups)).toEqual({ ...expectedProcessed, all: 10 });
    const all = day.rollups.filter((r) => r.region === "all");
    expect(all.reduce((sum, r) => sum + r.quality["720p"], 0)).toBe(10);
  });

  it("processes a resent event once and counts the repeat as a duplicate", async () => {
    const response = await postEvents(server, JSON.stringify([batch[0]]));
    expect(response.status).toBe(202);
    const snapshot = await waitFor(
      () => getJson<Snapshot>(server, "/api/snapshot"),
      (s) => s.totals.duplicates === 1,
    );
    expect(snapshot.totals).toMatchObject({ accepted: 11, duplicates: 1, processed: 10 });
  });

  it("treats empty query parameters as not given and refuses dates beyond the calendar", async () => {
    const admin = await server.signIn();
    const empty = await admin.fetch("/api/history?region=&from=&to=");
    expect(empty.status).toBe(200);
    const far = await admin.fetch("/api/history?from=9000000000000000&to=9000000000001000");
    expect(far.status).toBe(400);
    expect(((await far.json()) as { error: { message: string } }).error.message).toBe("from: is beyond the last representable date");
  });

  it("filters history by region and rejects a bad query with a reason", async () => {
    const delhi = await getJson<{ rollups: HistoryRollup[] }>(server, "/api/history?region=delhi");
    expect(new Set(delhi.rollups.map((r) => r.region))).toEqual(new Set(["delhi"]));
    const bad = await (await server.signIn()).fetch("/api/history?region=chennai");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe(
      "region: must be one of mumbai, delhi, bangalore, hyderabad, pune, kolkata, all",
    );
  });

  it("exits 0 on SIGTERM, even with a stalled upload open, and keeps its history for the next start", async () => {
    const stalled = connect({ host: "127.0.0.1", port: Number(new URL(server.url).port) });
    await new Promise<void>((resolve) => stalled.once("connect", () => resolve()));
    stalled.write("POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n[");
    stalled.on("error", () => {});
    const stoppedAt = Date.now();
    expect(await server.stop()).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    stalled.destroy();
    expect(server.output()).toContain("[shutdown] done");
    server = await spawnServer({ SIMULATOR: "off", DATA_DIR: dataDir, ROLLUP_SECONDS: "1" });
    const history = await getJson<{ rollups: HistoryRollup[] }>(server, "/api/history");
    expect(sumEventsByRegion(history.rollups)).toEqual({ ...expectedProcessed, all: 10 });
    // The counters continue from the shutdown checkpoint instead of starting at zero.
    const snapshot = await getJson<Snapshot>(server, "/api/snapshot");
    expect(snapshot.totals).toMatchObject({ accepted: 11, rejected: 3, duplicates: 1, processed: 10 });
    expect(Object.fromEntries(snapshot.regions.map((r) => [r.id, r.processed]))).toEqual(expectedProcessed);
    expect(snapshot.conservation.balanced).toBe(true);
  }, 90_000);
});
