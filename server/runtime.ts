import type { AlertChannel } from "@/core/alerts/alert-channels";
import type { RoutingStrategy } from "@/core/routing/routing";
import type { LoginLimiter } from "./auth/login-limiter";
import type { Database } from "./db/database";
import { AppError } from "./errors";
import type { ComponentHealth } from "./health";
import type { AlertEngine } from "./workers/alert-engine";
import type { Ingestor } from "./workers/ingestor";
import type { MetricsHub } from "./workers/metrics-hub";
import type { DrillControl } from "./workers/drill-control";
import type { RegionManager } from "./workers/region-manager";
import type { ReplayRunner } from "./workers/replay-runner";

export interface HealthReport {
  status: "ok" | "degraded";
  startedAt: number;
  components: Record<"database" | "bus" | "store" | "history" | "deadLetters" | "simulator", ComponentHealth>;
}

/** What route handlers may use: the live objects the server created at start (server/bootstrap/runtime.ts), never new ones. */
export interface Runtime {
  ingestor: Ingestor;
  hub: MetricsHub;
  regions: RegionManager;
  /** Drills: started, stopped and listed here, kept in step with the drills table. */
  drills: DrillControl;
  database: Database;
  checkHealth(): Promise<HealthReport>;
  alerts: AlertEngine;
  /** The notification channels that have their settings (the others are skipped). */
  configuredAlertChannels: ReadonlySet<AlertChannel>;
  /** The stored history bucket's length (ROLLUP_SECONDS). */
  rollupSeconds: number;
  /** How events pick their region (ROUTING_STRATEGY). */
  routingStrategy: RoutingStrategy;
  /** Replays of one dead letter beyond which it is refused. */
  maxReplays: number;
  /** Failed sign-ins per username and address (this process only). */
  loginLimiter: LoginLimiter;
  /** The key POST /api/events and the /player namespace require; undefined leaves them open. */
  ingestApiKey: string | undefined;
  /** Dry runs and replay jobs over dead letters. */
  replays: ReplayRunner;
  /** Resolves once every write started so far (dead letters, their updates, region changes) is in the database. */
  settleWrites(): Promise<void>;
}

// Next bundles route handlers apart from the server process's modules, so module state is not shared; a global symbol is.
const RUNTIME_KEY = Symbol.for("signalbox.runtime");
type RuntimeHolder = { [RUNTIME_KEY]?: Runtime };

export function setRuntime(runtime: Runtime | undefined): void {
  (globalThis as RuntimeHolder)[RUNTIME_KEY] = runtime;
}

/** The running server's runtime; 503 while it is starting or stopping. */
export function getRuntime(): Runtime {
  const runtime = (globalThis as RuntimeHolder)[RUNTIME_KEY];
  if (!runtime) throw new AppError("unavailable", "Signalbox is starting up or shutting down; try again in a few seconds.");
  return runtime;
}
