import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { findFreePort } from "./free-port";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const SCRIPT = path.join(ROOT, "scripts/services/postgres.sh");

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** Starts a private Postgres for this test run (never a pre-started one) and stops it afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = path.join(ROOT, ".services", `test-postgres-${process.pid}`);
  const port = await findFreePort();
  const { stdout } = await run(SCRIPT, ["start", dir, String(port)]);
  project.provide("postgresUrl", stdout.trim());
  return async () => {
    await run(SCRIPT, ["stop", dir]);
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}.initdb.log`, { force: true });
  };
}
