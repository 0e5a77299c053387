import { startAlerting } from "./bootstrap/alerting";
import { startEngine } from "./bootstrap/engine";
import { listen, prepareWeb } from "./bootstrap/http";
import { openInfrastructure } from "./bootstrap/infrastructure";
import { publishRuntime } from "./bootstrap/runtime";
import { startSchedules } from "./bootstrap/schedules";
import { createShutdown, shutDownOnSignals } from "./bootstrap/shutdown";
import { createWriters } from "./bootstrap/writers";
import { loadEnv } from "./env";
import { messageOf } from "./errors";
import { log } from "./bootstrap/log";
import { createDrillStore } from "./services/drill-rows";
import { DrillControl } from "./workers/drill-control";
import { FaultInjector } from "./workers/fault-injector";

/** Starts Signalbox, each piece after the ones it needs; listens only once everything routes use is in place. */
async function main(): Promise<void> {
  const env = loadEnv();
  const startedAt = Date.now();
  const infrastructure = await openInfrastructure(env);
  const web = await prepareWeb(env, infrastructure.redis);
  const faults = new FaultInjector();
  const drills = new DrillControl({ faults, store: createDrillStore(infrastructure.database.prisma), log });
  const writers = createWriters(env, infrastructure.database, web.io, faults);
  const alerting = await startAlerting(env, infrastructure, web.io, writers.backgroundWrites);
  // The pipeline starts after Next is ready, so its first window does not span the start-up.
  const engine = await startEngine(env, { infrastructure, web, writers, alerting, faults });
  const schedules = await startSchedules(env, {
    infrastructure,
    io: web.io,
    engine,
    alerts: alerting.engine,
    backgroundWrites: writers.backgroundWrites,
    drills,
  });
  publishRuntime(env, { startedAt, infrastructure, io: web.io, engine, writers, alerting, drills, simulator: schedules.simulator });
  await listen(web, env);
  shutDownOnSignals(createShutdown({ infrastructure, web, writers, alerting, engine, schedules }));
}

main().catch((error: unknown) => {
  console.error(`Signalbox could not start: ${messageOf(error)}`);
  process.exit(1);
});
