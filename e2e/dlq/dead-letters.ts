import { expect, type APIRequestContext } from "../fixtures";
import type { DeadLetterPage } from "@/core/dlq/dlq-api";

/**
 * `count` Kolkata events whose processing fails for good (CATASTROPHIC), so they are dead-lettered;
 * returns their id prefix. The drill is scoped to their ids (the simulator's traffic goes on unharmed)
 * and ended before returning, so a replay of them succeeds.
 */
export async function makeDeadLetters(request: APIRequestContext, count: number, tagPrefix: string): Promise<string> {
  const tag = `${tagPrefix}-${Date.now()}`;
  const drill = await request.post("/api/chaos", {
    data: {
      component: "processor",
      region: "kolkata",
      errorMessage: "data_loss on segment upload",
      rate: 1,
      durationSeconds: 120,
      eventIdPrefix: tag,
    },
  });
  expect(drill.status()).toBe(201);
  const events = Array.from({ length: count }, (_, i) => ({
    event_id: `${tag}-${i}`,
    user_id: "u-e2e",
    device_id: "d-e2e",
    session_id: `${tag}-s${i}`,
    event_type: "play",
    timestamp: Date.now(),
    quality: "720p",
    location: "Kolkata",
    content_id: "ipl-final",
    bitrate: 4000,
    buffer_health: 8,
    network_type: "4G",
  }));
  expect((await request.post("/api/events", { data: events })).status()).toBe(202);
  await expect
    .poll(async () => ((await (await request.get(`/api/dlq?q=${tag}&limit=500`)).json()) as DeadLetterPage).entries.length, {
      timeout: 60_000,
    })
    .toBe(count);
  expect(await (await request.delete("/api/chaos")).json()).toEqual({ ended: 1 });
  return tag;
}
