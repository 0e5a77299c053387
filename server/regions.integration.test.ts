import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Snapshot } from "@/core/metrics/snapshot";
import { spawnServer, waitFor, type SpawnedServer, type TestClient } from "./testing/spawn-server";

const event = (id: string) => ({
  event_id: id,
  user_id: "u",
  device_id: "d",
  session_id: `s-${id}`,
  event_type: "play",
  timestamp: Date.now(),
  quality: "720p",
  location: "Pune",
  content_id: "ipl-final",
  bitrate: 4000,
  buffer_health: 6,
  network_type: "4G",
});

describe("region controls over HTTP", () => {
  let dataDir: string;
  let server: SpawnedServer;
  let operator: TestClient;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "signalbox-regions-"));
    server = await spawnServer({ SIMULATOR: "off", DATA_DIR: dataDir, SNAPSHOT_INTERVAL_MS: "200" });
    operator = await server.signIn("operator", "olga");
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const post = (url: string, body?: unknown) => operator.send("POST", url, body);
  const snapshot = () => operator.read<Snapshot>("/api/snapshot");
  const region = (s: Snapshot, id: string) => s.regions.find((r) => r.id === id)!;

  it("fails a region over by hand: its events are processed by the nearest active region", async () => {
    const response = await post("/api/regions/pune/failover", { reason: "rehearsal" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      region: "pune",
      active: false,
      circuit: "closed",
      health: "unknown",
      healthReason: "no check yet",
    });

    expect((await post("/api/events", [event("p-1"), event("p-2")])).status).toBe(202);
    const after = await waitFor(snapshot, (s) => s.totals.processed === 2);
    expect([region(after, "pune").processed, region(after, "mumbai").processed]).toEqual([0, 2]);
    expect(region(after, "pune").active).toBe(false);
  });

  it("fails it back, after which its events stay home", async () => {
    expect((await post("/api/regions/pune/failback")).status).toBe(200);
    expect((await post("/api/events", [event("p-3")])).status).toBe(202);
    const after = await waitFor(snapshot, (s) => s.totals.processed === 3);
    expect(region(after, "pune").processed).toBe(1);
  });

  it("trips and resets a breaker, and records every change with its reason and who made it", async () => {
    expect(await (await post("/api/regions/delhi/breaker", { action: "trip" })).json()).toMatchObject({ circuit: "open" });
    expect(await (await post("/api/regions/delhi/breaker", { action: "reset", reason: "drill over" })).json()).toMatchObject({
      circuit: "closed",
    });
    const listed = await operator.read<{
      routingStrategy: string;
      changes: Array<{ region: string; action: string; mode: string; reason: string; actor: string | null }>;
    }>("/api/regions");
    // The board's load preview follows the deployment's strategy (proximity unless ROUTING_STRATEGY says otherwise).
    expect(listed.routingStrategy).toBe("proximity");
    expect(listed.changes.map((c) => [c.region, c.action, c.mode, c.reason, c.actor])).toEqual([
      ["delhi", "breaker_reset", "manual", "drill over", "olga"],
      ["delhi", "breaker_trip", "manual", "trip by olga", "olga"],
      ["pune", "failback", "manual", "failed back by olga", "olga"],
      ["pune", "failover", "manual", "rehearsal", "olga"],
    ]);
  });

  it.each([
    [
      "/api/regions/chennai/failover",
      undefined,
      404,
      'No region "chennai"; regions are mumbai, delhi, bangalore, hyderabad, pune, kolkata.',
    ],
    ["/api/regions/delhi/failback", undefined, 409, "Delhi is active already; nothing to fail back."],
    ["/api/regions/delhi/breaker", { action: "reset" }, 409, "Delhi's breaker is closed already."],
    ["/api/regions/delhi/breaker", { action: "open" }, 400, 'action must be "trip" or "reset"'],
    ["/api/regions/delhi/breaker", undefined, 400, 'action must be "trip" or "reset"'],
  ])("answers POST %s %j with %s and a reason", async (url, body, status, message) => {
    const response = await post(url, body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(message);
  });
});
