import { once } from "../once";
import { setRuntime } from "../runtime";
import type { Alerting } from "./alerting";
import type { Engine } from "./engine";
import type { Web } from "./http";
import type { Infrastructure } from "./infrastructure";
import { log } from "./log";
import type { Schedules } from "./schedules";
import { withTimeout } from "./with-timeout";
import type { Writers } from "./writers";

const SHUTDOWN_GRACE_MS = 15_000;
const STEP_DEADLINE_MS = 5_000;

export interface ShutdownParts {
  infrastructure: Infrastructure;
  web: Web;
  writers: Writers;
  alerting: Alerting;
  engine: Engine;
  schedules: Schedules;
}

/**
 * Stops the server in order (traffic and timers, network, consumers, bus, what is left in memory,
 * the writers, then the connections) and exits, 1 if anything failed or was lost. Each step runs,
 * within its own deadline, even if an earlier one failed or hung, so a shutdown never leaves history
 * unflushed. A second call waits for the first.
 */
export function createShutdown({ infrastructure, web, writers, alerting, engine, schedules }: ShutdownParts): () => Promise<void> {
  const { database, redis } = infrastructure;
  const { history, deadLetters, backgroundWrites } = writers;
  const { bus, hub, processor, store, books } = engine;
  return once(async () => {
    log("[shutdown] stopping");
    setRuntime(undefined);
    const steps: Array<[string, () => Promise<unknown> | unknown]> = [
      ["simulator", () => schedules.simulator?.stop()],
      [
        "ticker",
        async () => {
          await schedules.stop();
          await writers.dlqSummary.close();
        },
      ],
      ["network", web.close],
      [
        "workers",
        () =>
          Promise.all([
            engine.subscription?.close(),
            engine.retrySubscription?.close(),
            engine.deadLetterSubscription?.close(),
            engine.mirrors?.close(),
          ]),
      ],
      ["bus", () => bus.close()],
      [
        "waiting retries",
        () => {
          const drained = processor.drainRetries(Date.now());
          if (drained > 0) log(`[shutdown] ${drained} event(s) waiting for a retry went to the dead-letter queue`);
        },
      ],
      [
        "final window",
        () => {
          hub.tick(Date.now());
          hub.flushRollups();
        },
      ],
      ["notifications", () => alerting.notifier.close()],
      ["history", () => history.close()],
      ["dead letters", () => deadLetters.close()],
      ["background writes", () => backgroundWrites.settle()],
      ["checkpoint", () => (books ? undefined : engine.saveCheckpoint())],
      ["next", () => web.nextApp.close()],
      ["database", () => database.close()],
      ["store", () => store.close()],
      ["redis", () => redis?.quit()],
    ];
    let failed = false;
    for (const [name, step] of steps) {
      try {
        await withTimeout(Promise.resolve(step()), STEP_DEADLINE_MS, `shutdown step "${name}"`);
      } catch (error) {
        failed = true;
        console.error(`[shutdown] ${name} failed`, error);
      }
    }
    const historyHealth = history.health();
    // Records still buffered (the database is down) are lost with the process: say so in the exit code.
    if (historyHealth.status === "down" || deadLetters.health().status === "down") failed = true;
    log(`[shutdown] ${failed ? "done with losses or errors" : "done"}: ${historyHealth.detail}`);
    process.exit(failed ? 1 : 0);
  });
}

/** SIGINT and SIGTERM shut down; a shutdown still running after SHUTDOWN_GRACE_MS exits anyway. */
export function shutDownOnSignals(shutdown: () => Promise<void>): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      setTimeout(() => {
        console.error(`[shutdown] still running after ${SHUTDOWN_GRACE_MS} ms; exiting`);
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
      void shutdown();
    });
  }
}
