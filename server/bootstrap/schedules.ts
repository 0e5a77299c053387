import type { Database } from "../db/database";
import type { Env } from "../env";
import { messageOf } from "../errors";
import { once } from "../once";
import { failInterruptedReplayJobs } from "../services/save-replay-job";
import { broadcastSnapshot, startBoardSessionSweep, type BoardServer } from "../socket/board-socket";
import type { AlertEngine } from "../workers/alert-engine";
import type { BackgroundWrites } from "../workers/background-writes";
import type { DrillControl } from "../workers/drill-control";
import { startSimulator, TrafficSimulator, type RunningSimulator } from "../workers/simulator";
import type { Engine } from "./engine";
import type { Infrastructure } from "./infrastructure";
import { log } from "./log";

/** How often drills run out, follow the drills table and add their failures to it. */
const DRILL_REFRESH_MS = 2000;

/** A replay job reports after every batch; silent this long, the process running it has stopped. */
const REPLAY_SILENCE_MS = 5 * 60_000;

export interface ScheduleParts {
  infrastructure: Infrastructure;
  io: BoardServer;
  engine: Engine;
  alerts: AlertEngine;
  backgroundWrites: BackgroundWrites;
  drills: DrillControl;
}

export interface Schedules {
  /** null with SIMULATOR=off. */
  simulator: RunningSimulator | null;
  /** Clears every timer started here (the simulator stops on its own). */
  stop(): Promise<void>;
}

function startTraffic(env: Env, engine: Engine): RunningSimulator | null {
  if (env.SIMULATOR !== "on") return null;
  const ticksPerSecond = 50;
  const traffic = new TrafficSimulator({
    viewers: env.SIMULATOR_VIEWERS,
    heartbeatSeconds: env.SIMULATOR_HEARTBEAT_SECONDS,
    errorPercent: env.SIMULATOR_ERROR_PERCENT,
    surgeAtSeconds: env.SIMULATOR_SURGE_AT_SECONDS,
    surgeSeconds: env.SIMULATOR_SURGE_SECONDS,
    surgeFactor: env.SIMULATOR_SURGE_FACTOR,
    ticksPerSecond,
  });
  const simulator = startSimulator(traffic, (events) => engine.ingestor.ingestValid(events), { ticksPerSecond, log });
  log(`[simulator] ${env.SIMULATOR_VIEWERS} viewers, surge ×${env.SIMULATOR_SURGE_FACTOR} at +${env.SIMULATOR_SURGE_AT_SECONDS} s`);
  return simulator;
}

/**
 * With Kafka other processes share the database and run jobs of their own: only a job silent for
 * REPLAY_SILENCE_MS (its process stopped) is failed, by whichever process sweeps first.
 */
async function sweepReplayJobs(database: Database, shared: boolean): Promise<void> {
  const now = Date.now();
  const interrupted = await failInterruptedReplayJobs(database.prisma, now, shared ? now - REPLAY_SILENCE_MS : now);
  if (interrupted > 0) log(`[dlq] ${interrupted} replay job(s) whose process stopped marked failed`);
}

/**
 * Everything the server does on a clock: dashboard session sweeps, due retries, checkpoints, the
 * snapshot ticker (books, snapshot, alerts), health checks, simulated traffic, the drills' refresh and
 * the replay-job sweep (once now, then every minute with Kafka).
 */
export async function startSchedules(
  env: Env,
  { infrastructure, io, engine, alerts, backgroundWrites, drills }: ScheduleParts,
): Promise<Schedules> {
  const { database, kafka } = infrastructure;
  const { books, bus, hub, processor, regions, store } = engine;
  const stopSessionSweep = startBoardSessionSweep(io, database.prisma, env.SESSION_SWEEP_SECONDS * 1000, log);
  const retries = setInterval(() => processor.runDueRetries(Date.now()), 250);
  const checkpoints = setInterval(() => {
    if (!books) backgroundWrites.track("checkpoint the engine", engine.saveCheckpoint());
  }, env.CHECKPOINT_SECONDS * 1000);

  // Windows, viewer expiry and stored times use the wall clock; only latency durations use the monotonic one.
  let ticking = false;
  let sharedErrorLogged = 0;
  const ticker = setInterval(() => {
    // A slow Redis or broker delays the next snapshot rather than stacking refreshes.
    if (ticking) return;
    ticking = true;
    const now = Date.now();
    void Promise.all([store.refresh(now), books?.refresh()])
      .catch((error: unknown) => {
        if (Date.now() - sharedErrorLogged < 10_000) return;
        sharedErrorLogged = Date.now();
        log(`[books] could not read the shared books (${messageOf(error)}); showing the last ones`);
      })
      .finally(() => {
        ticking = false;
        const measured = hub.tick(Date.now());
        // The alerts go out measured in this very snapshot, so the strip and the stations agree.
        const snapshot = { ...measured, alerts: alerts.observe(measured) };
        broadcastSnapshot(io, snapshot);
        alerts.evaluate(snapshot).catch((error: unknown) => console.error("[alerts] evaluation failed", error));
      });
  }, env.SNAPSHOT_INTERVAL_MS);
  const healthCheck = setInterval(
    () => regions.checkHealth(hub.takeHealthMeasurements(), bus.health().status === "up", Date.now()),
    env.HEALTH_CHECK_SECONDS * 1000,
  );

  let drillErrorLogged = 0;
  const drillRefresh = setInterval(() => {
    drills.refresh(Date.now()).catch((error: unknown) => {
      if (Date.now() - drillErrorLogged < 60_000) return;
      drillErrorLogged = Date.now();
      log(`[chaos] could not follow the drills table (${messageOf(error)}); drills running here go on until they end`);
    });
  }, DRILL_REFRESH_MS);

  const simulator = startTraffic(env, engine);

  await sweepReplayJobs(database, kafka !== null);
  const replaySweep = kafka
    ? setInterval(
        () => void sweepReplayJobs(database, true).catch((error: unknown) => console.error("[dlq] replay sweep failed", error)),
        60_000,
      )
    : null;

  const stop = once(async () => {
    clearInterval(ticker);
    clearInterval(healthCheck);
    clearInterval(retries);
    clearInterval(checkpoints);
    clearInterval(drillRefresh);
    if (replaySweep) clearInterval(replaySweep);
    stopSessionSweep();
  });
  return { simulator, stop };
}
