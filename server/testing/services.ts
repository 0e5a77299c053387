import { randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { findFreePort } from "./free-port";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const SERVICES = path.join(ROOT, ".services");

export interface Service {
  name: string;
  script: string;
  dir: string;
  /** Further files the service leaves beside its DIR. */
  extra: string[];
}

/** A private service run by scripts/services/<script>, in its own folder under .services/. */
export const service = (name: string, script: string, extra: (dir: string) => string[] = () => []): Service => {
  const dir = path.join(SERVICES, `test-${name}-${process.pid}-${randomBytes(3).toString("hex")}`);
  return { name, script: path.join(ROOT, "scripts/services", script), dir, extra: extra(dir) };
};

/** The last lines of a failed script's stderr (the scripts print the service's log tail there). */
function tail(text: unknown, lines = 60): string {
  return String(text ?? "")
    .trimEnd()
    .split("\n")
    .slice(-lines)
    .join("\n");
}

/** Starts the service on `port` and returns its address (a URL, or host:port for Kafka). */
export async function start(svc: Service, port: number): Promise<string> {
  try {
    const { stdout } = await run(svc.script, ["start", svc.dir, String(port)], { maxBuffer: 16 << 20 });
    const url = stdout.trim();
    if (!url) throw new Error("the script printed no address");
    return url;
  } catch (error) {
    const e = error as Error & { stderr?: string };
    throw new Error(
      `Could not start the test ${svc.name} (${path.relative(ROOT, svc.script)} start ${svc.dir} ${port}): ` +
        `${e.message.split("\n")[0]}\n${tail(e.stderr)}`,
    );
  }
}

/** Stops a service and keeps its folder, so `start` brings back the same data (an outage drill). */
export async function halt(svc: Service): Promise<void> {
  await run(svc.script, ["stop", svc.dir]);
}

/** Stops a service and removes its folder(s); the removal runs even if the stop fails. */
export async function stop(svc: Service): Promise<void> {
  const failures: string[] = [];
  await run(svc.script, ["stop", svc.dir]).catch((error: Error & { stderr?: string }) =>
    failures.push(`${error.message.split("\n")[0]}\n${tail(error.stderr, 20)}`),
  );
  for (const folder of [svc.dir, ...svc.extra]) {
    await rm(folder, { recursive: true, force: true }).catch((error: Error) => failures.push(error.message));
  }
  if (failures.length) {
    throw new Error(`Could not stop/clean up the test ${svc.name} (${svc.dir}): ${failures.join("\n")}`);
  }
}

/** Stops every service; every one is tried even if another fails, then the failures are reported. */
export async function stopAll(services: Service[]): Promise<void> {
  const results = await Promise.allSettled(services.map(stop));
  const failures = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as Error).message] : []));
  if (failures.length) throw new Error(failures.join("\n\n"));
}

/** A free port not in (nor next to one in) `taken`: Kafka's controller takes the port after the broker's. */
export async function freePortBeside(taken: number[]): Promise<number> {
  for (;;) {
    const port = await findFreePort();
    if (port > 0 && taken.every((p) => Math.abs(p - port) > 1)) {
      taken.push(port);
      return port;
    }
  }
}
