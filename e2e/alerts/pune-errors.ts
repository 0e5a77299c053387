import { expect, type APIRequestContext } from "../fixtures";
import type { Snapshot } from "@/core/metrics/snapshot";

/** The e2e server's health check interval (HEALTH_CHECK_SECONDS' default); each check measures the interval before it. */
export const HEALTH_CHECK_MS = 30_000;

type RegionsView = { regions: Array<{ region: string; active: boolean; health: string; healthReason: string }> };

async function readPune(request: APIRequestContext) {
  return ((await (await request.get("/api/regions")).json()) as RegionsView).regions.find((r) => r.region === "pune")!;
}

/** Pune's events per second from the simulator, averaged over three snapshots a second apart. */
export async function measurePuneEventsPerSecond(request: APIRequestContext): Promise<number> {
  let sum = 0;
  for (let read = 0; read < 3; read++) {
    const snapshot = (await (await request.get("/api/snapshot")).json()) as Snapshot;
    sum += snapshot.regions.find((r) => r.id === "pune")!.eventsPerSecond;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return sum / 3;
}

/**
 * Resolves just after a health check: each one writes a new reason (it names the measured latency).
 * Errors injected from then have the whole interval before the next check fails Pune over.
 */
export async function waitForHealthCheck(request: APIRequestContext): Promise<void> {
  const before = (await readPune(request)).healthReason;
  await expect
    .poll(async () => (await readPune(request)).healthReason, { timeout: 2 * HEALTH_CHECK_MS + 5000, intervals: [250] })
    .not.toBe(before);
}

export interface PuneInjector {
  /** The share of injected events that are viewer errors, from now on. */
  errorShare: number;
  /** Stops and waits for the last batch; answers when the errors stopped. */
  stop(): Promise<number>;
}

/**
 * Sends Pune events at `perSecond` in four batches a second, `errorShare` of them viewer errors; a
 * batch that was slow to send is made up by the next, so the mix holds on a loaded machine.
 */
export function injectPuneEvents(request: APIRequestContext, perSecond: number, errorShare: number): PuneInjector {
  const injector = { errorShare, running: true };
  const startedAt = Date.now();
  let sent = 0;
  const loop = (async () => {
    for (let batch = 0; injector.running; batch++) {
      const count = Math.min(5000, Math.max(0, Math.round(((Date.now() - startedAt) / 1000) * perSecond) - sent));
      const errors = Math.round(count * injector.errorShare);
      const events = Array.from({ length: count }, (_, i) => ({
        event_id: `e2e-truth-${startedAt}-${batch}-${i}`,
        user_id: "u",
        device_id: "d",
        session_id: `e2e-truth-${i % 500}`,
        event_type: i < errors ? "error" : "play",
        ...(i < errors ? { error_code: "E_SEGMENT", error_message: "segment 404" } : {}),
        timestamp: Date.now(),
        quality: "720p",
        location: "Pune",
        content_id: "ipl-final",
        bitrate: 4000,
        buffer_health: 8,
        network_type: "4G",
      }));
      if (count > 0) expect((await request.post("/api/events", { data: events })).status()).toBe(202);
      sent += count;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    get errorShare() {
      return injector.errorShare;
    },
    set errorShare(share: number) {
      injector.errorShare = share;
    },
    stop: async () => {
      injector.running = false;
      await loop;
      return Date.now();
    },
  };
}

/**
 * Injected errors make Pune unhealthy, so the health check fails it over automatically; specs after
 * this one expect Pune in routing and healthy. The first check after the errors stopped may still
 * measure them, so it is waited for before Pune is failed back; the next check then finds it healthy.
 */
export async function restorePune(request: APIRequestContext, injectedUntil: number): Promise<void> {
  const firstCheckAfterErrors = injectedUntil + HEALTH_CHECK_MS + 1_000 - Date.now();
  if (injectedUntil > 0 && firstCheckAfterErrors > 0) await new Promise((resolve) => setTimeout(resolve, firstCheckAfterErrors));
  if (!(await readPune(request)).active) {
    // 409 when the automatic failback got there between the read and this request.
    expect([200, 409]).toContain(
      (await request.post("/api/regions/pune/failback", { data: { reason: "e2e clean-up after injected errors" } })).status(),
    );
  }
  await expect.poll(async () => (await readPune(request)).health, { timeout: 45_000, intervals: [1_000] }).toBe("healthy");
  expect((await readPune(request)).active).toBe(true);
}
