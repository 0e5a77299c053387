import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Role } from "@/core/auth/auth";

/** The password spawned servers give `admin` on their first start. */
export const TEST_ADMIN_PASSWORD = "admin-password-for-tests";

/** A signed-in user's requests: the session cookie on every one, the CSRF token on every mutation. */
export interface TestClient {
  username: string;
  role: Role;
  cookie: string;
  csrfToken: string;
  fetch: (path: string, init?: RequestInit) => Promise<Response>;
  /** A request with `body` as JSON (none when undefined). */
  send: (method: string, path: string, body?: unknown) => Promise<Response>;
  /** GET `path` and its JSON body. */
  read: <T>(path: string) => Promise<T>;
}

export interface SpawnedServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** Sends SIGTERM and resolves with the exit code; safe to call twice. */
  stop: () => Promise<number | null>;
  /**
   * Signs in as `role`: admin with TEST_ADMIN_PASSWORD (one session, reused), or a user of that
   * role created through /api/users by admin (named `username`, by default `<role>-<n>`).
   */
  signIn: (role?: Role, username?: string) => Promise<TestClient>;
}

/** Signs in through POST /api/session and wraps fetch with the session's cookie and CSRF token. */
export async function signInAs(url: string, username: string, password: string): Promise<TestClient> {
  const response = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`signing in as ${username} answered ${response.status}: ${await response.text()}`);
  const { user, csrfToken } = (await response.json()) as { user: { username: string; role: Role }; csrfToken: string };
  const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
  const clientFetch = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("cookie", cookie);
    headers.set("x-csrf-token", csrfToken);
    return fetch(`${url}${path}`, { ...init, headers });
  };
  return {
    username: user.username,
    role: user.role,
    cookie,
    csrfToken,
    fetch: clientFetch,
    send: (method, path, body) =>
      clientFetch(path, {
        method,
        ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
      }),
    read: async <T>(path: string) => (await (await clientFetch(path)).json()) as T,
  };
}

let createdUsers = 0;

async function signInWithRole(url: string, admin: TestClient, role: Role, username?: string): Promise<TestClient> {
  if (role === "admin" && username === undefined) return admin;
  const name = username ?? `${role}-${++createdUsers}`;
  const password = `${name}-password`;
  const created = await admin.send("POST", "/api/users", { username: name, password, role });
  if (created.status !== 201) throw new Error(`creating ${name} answered ${created.status}: ${await created.text()}`);
  return signInAs(url, name, password);
}

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Starts the real server (production build, tsx) on a free port and waits until it listens. */
export async function spawnServer(env: Record<string, string>, timeoutMs = 60_000): Promise<SpawnedServer> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build in .next: run `npm run build` first (the test command does).");
  }
  // node itself (not the tsx wrapper) so the pid is the server's, for signals and memory readings.
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOST: "127.0.0.1",
      PORT: "0",
      ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = () => {
      const match = /listening on (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout!.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  let stopping: Promise<number | null> | undefined;
  // One admin session per server, so polling helpers do not sign in again on every read.
  let admin: Promise<TestClient> | undefined;
  return {
    url,
    process: child,
    output: () => output,
    stop: () => (stopping ??= child.exitCode !== null ? Promise.resolve(child.exitCode) : (child.kill("SIGTERM"), exited)),
    signIn: async (role = "admin", username) =>
      signInWithRole(url, await (admin ??= signInAs(url, "admin", TEST_ADMIN_PASSWORD)), role, username),
  };
}

/** Polls `read` until `accept` holds or the time runs out, then returns the last value read. */
export async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}
