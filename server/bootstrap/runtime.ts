import { LoginLimiter } from "../auth/login-limiter";
import type { Env } from "../env";
import { messageOf } from "../errors";
import type { ComponentHealth } from "../health";
import { setRuntime, type HealthReport } from "../runtime";
import { checkDatabase } from "../services/check-database";
import { broadcastReplayJob, type BoardServer } from "../socket/board-socket";
import type { DrillControl } from "../workers/drill-control";
import { ReplayRunner } from "../workers/replay-runner";
import type { RunningSimulator } from "../workers/simulator";
import type { Alerting } from "./alerting";
import type { Engine } from "./engine";
import type { Infrastructure } from "./infrastructure";
import { log } from "./log";
import { withTimeout } from "./with-timeout";
import type { Writers } from "./writers";

export interface RuntimeParts {
  startedAt: number;
  infrastructure: Infrastructure;
  io: BoardServer;
  engine: Engine;
  writers: Writers;
  alerting: Alerting;
  drills: DrillControl;
  simulator: RunningSimulator | null;
}

/** Hands route handlers the live objects (server/runtime.ts), with the replay runner and the health check they use. */
export function publishRuntime(env: Env, parts: RuntimeParts): void {
  const { startedAt, infrastructure, io, engine, writers, alerting, drills, simulator } = parts;
  const { database } = infrastructure;
  const replays = new ReplayRunner({
    prisma: database.prisma,
    maxReplays: env.MAX_REPLAYS,
    batchSize: env.REPLAY_BATCH_SIZE,
    progressStep: env.REPLAY_PROGRESS_STEP,
    ingestReplay: (event, id) => engine.ingestor.ingestReplay(event, id),
    settleWrites: writers.settleWrites,
    onProgress: (job) => {
      broadcastReplayJob(io, job);
      writers.dlqSummary.markChanged();
    },
    log,
  });

  const checkHealth = async (): Promise<HealthReport> => {
    let databaseHealth: ComponentHealth;
    try {
      await withTimeout(checkDatabase(database.prisma), 2000, "the database");
      databaseHealth = { status: "up", detail: `${database.kind} at ${database.location}` };
    } catch (error) {
      databaseHealth = { status: "down", detail: messageOf(error) };
    }
    const components = {
      database: databaseHealth,
      bus: engine.bus.health(),
      store: engine.store.health(),
      history: writers.history.health(),
      deadLetters: writers.deadLetters.health(),
      simulator: simulator ? simulator.health() : { status: "off" as const, detail: "SIMULATOR=off" },
    };
    const degraded = Object.values(components).some((c) => c.status === "down");
    return { status: degraded ? "degraded" : "ok", startedAt, components };
  };
  setRuntime({
    ingestor: engine.ingestor,
    hub: engine.hub,
    regions: engine.regions,
    drills,
    database,
    checkHealth,
    alerts: alerting.engine,
    configuredAlertChannels: alerting.notifier.configuredChannels(),
    rollupSeconds: env.ROLLUP_SECONDS,
    routingStrategy: env.ROUTING_STRATEGY,
    maxReplays: env.MAX_REPLAYS,
    loginLimiter: new LoginLimiter(5, 5 * 60_000),
    ingestApiKey: env.INGEST_API_KEY,
    replays,
    settleWrites: writers.settleWrites,
  });
}
