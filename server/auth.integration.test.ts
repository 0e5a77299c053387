import { randomUUID } from "node:crypto";
import pg from "pg";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { AuditEntry } from "@/core/auth/auth";
import { listGuardedEndpoints, rule, scenario, type Endpoint } from "./testing/guarded-endpoints";
import { createTestDatabase, type TestDatabase } from "./testing/postgres";
import { signInAs, spawnServer, TEST_ADMIN_PASSWORD, type SpawnedServer, type TestClient } from "./testing/spawn-server";
import { makeWireEvents } from "./testing/wire-events";

const INGEST_KEY = "ingest-key-for-the-auth-tests";

describe("who acts: sign-in, roles, CSRF and the audit log", () => {
  let database: TestDatabase;
  let server: SpawnedServer;
  let admin: TestClient;
  let operator: TestClient;
  let viewer: TestClient;
  let ruleId: string;
  let scenarioId: string;
  let userId: string;
  const alertId = randomUUID();

  const raw = (method: string, path: string, options: { cookie?: string; csrf?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    if (options.csrf) headers["x-csrf-token"] = options.csrf;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    return fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  };
  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  /** Everything a mutation could change, read back through the API. */
  const readState = async () =>
    Promise.all(
      [
        "/api/regions",
        "/api/chaos",
        "/api/silences",
        "/api/alert-rules",
        "/api/cost/scenarios",
        "/api/users",
        "/api/alerts?state=active",
        "/api/dlq",
        "/api/timeline",
      ].map(async (path) => {
        const body = await admin.read<{ faults?: unknown }>(path);
        // The drill list carries the server's clock, which moves on; the drills themselves must not.
        return path === "/api/chaos" ? body.faults : body;
      }),
    );
  const latestAudit = async (limit = 20) => (await admin.read<{ entries: AuditEntry[] }>(`/api/audit?limit=${limit}`)).entries;

  const endpoints = (): Endpoint[] => listGuardedEndpoints({ ruleId, scenarioId, userId, alertId });
  const signedIn = (role: Endpoint["role"]) => ({ viewer, operator, admin })[role];

  beforeAll(async () => {
    database = await createTestDatabase(inject("postgresUrl"));
    server = await spawnServer({
      SIMULATOR: "off",
      DATABASE_URL: database.url,
      SNAPSHOT_INTERVAL_MS: "200",
      HEALTH_CHECK_SECONDS: "3600",
      INGEST_API_KEY: INGEST_KEY,
      SESSION_SWEEP_SECONDS: "1",
    });
    admin = await server.signIn("admin");
    operator = await server.signIn("operator", "olga");
    viewer = await server.signIn("viewer", "victor");
    ruleId = ((await (await admin.send("POST", "/api/alert-rules", { ...rule, name: "Target rule" })).json()) as { id: string }).id;
    scenarioId = ((await (await admin.send("POST", "/api/cost/scenarios", scenario)).json()) as { id: string }).id;
    userId = (
      (await (await admin.send("POST", "/api/users", { username: "target-user", password: "target-password", role: "viewer" })).json()) as {
        id: string;
      }
    ).id;
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  describe("refusals change nothing and are audited", () => {
    let before: unknown;
    beforeAll(async () => {
      before = await readState();
    });

    it.each(endpoints().map((e) => [e.method, e.path.replace(/\/(undefined|[0-9a-f-]{36})/, "/:id"), e.action] as const))(
      "%s %s refuses no session (401), no or a wrong CSRF token (403) and a lesser role (403)",
      async (_method, _path, action) => {
        const endpoint = endpoints().find((e) => e.action === action)!;
        const { method, path, body } = endpoint;

        const anonymous = await raw(method, path, { body });
        expect(anonymous.status).toBe(401);
        expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");

        const allowed = signedIn(endpoint.role);
        for (const csrf of [undefined, "not-the-token"]) {
          const response = await raw(method, path, { cookie: allowed.cookie, ...(csrf ? { csrf } : {}), body });
          expect(response.status).toBe(403);
          expect(await response.json()).toEqual({
            error: {
              code: "forbidden",
              message:
                "This change needs the x-csrf-token header with the csrfToken that GET /api/session answers; it was missing or wrong, so the request may not come from a Signalbox page.",
            },
          });
        }

        const lesser = endpoint.role === "admin" ? [viewer, operator] : endpoint.role === "operator" ? [viewer] : [];
        for (const client of lesser) {
          const response = await client.send(method, path, body);
          expect(response.status).toBe(403);
          expect(await response.json()).toEqual({
            error: {
              code: "forbidden",
              message: `${endpoint.doing} needs the ${endpoint.role} role; you are ${client.role === "operator" ? "an" : "a"} ${client.role}`,
            },
          });
        }

        if (endpoint.action === "cost.evaluate") return;
        const entries = (await latestAudit(4 + lesser.length)).filter((e) => e.action === action);
        expect(entries.map((e) => [e.actor, e.outcome]).reverse()).toEqual([
          [null, "unauthenticated"],
          [allowed.username, "forbidden"],
          [allowed.username, "forbidden"],
          ...lesser.map((client) => [client.username, "forbidden"]),
        ]);
      },
    );

    it("left every piece of state as it was", async () => {
      expect(await readState()).toEqual(before);
    });
  });

  describe("the role that may act succeeds, attributed", () => {
    it.each(endpoints().map((e) => [e.method, e.path.replace(/\/(undefined|[0-9a-f-]{36})/, "/:id"), e.role, e.action] as const))(
      "%s %s succeeds for %s and the audit log says who, what and the outcome",
      async (_method, _path, _role, action) => {
        const endpoint = endpoints().find((e) => e.action === action)!;
        const client = signedIn(endpoint.role);
        const response = await client.send(endpoint.method, endpoint.path, endpoint.body);
        expect(response.status, await response.clone().text()).toBe(endpoint.status);
        if (endpoint.action === "cost.evaluate") return;
        const [entry] = await latestAudit(1);
        expect(entry).toMatchObject({ actor: client.username, action, outcome: endpoint.status === 404 ? "not_found" : "ok" });
        expect(entry!.at).toBeGreaterThan(Date.now() - 10_000);
      },
    );

    it("records who changed a region, who silenced and who replayed", async () => {
      const { changes } = await operator.read<{ changes: Array<{ region: string; action: string; actor: string | null }> }>("/api/regions");
      expect(changes.slice(0, 3).map((c) => [c.region, c.action, c.actor])).toEqual([
        ["delhi", "breaker_trip", "olga"],
        ["pune", "failback", "olga"],
        ["pune", "failover", "olga"],
      ]);
      const { silences } = await viewer.read<{ silences: Array<{ createdBy: string }> }>("/api/silences");
      expect(silences.map((s) => s.createdBy)).toEqual(["olga"]);
      const { entries } = await viewer.read<{ entries: Array<{ kind: string; action: string; actor: string | null }> }>("/api/timeline");
      // One replay through POST /api/dlq/replay, one through POST /api/dlq/replay-jobs.
      expect(entries.filter((e) => e.kind === "replay").map((e) => e.actor)).toEqual(["olga", "olga"]);
      expect(entries.filter((e) => e.kind === "audit").map((e) => [e.action, e.actor])).toEqual([
        ["user.delete", "admin"],
        ["user.update", "admin"],
        ["user.create", "admin"],
        ["alert-rule.delete", "admin"],
        ["alert-rule.update", "admin"],
        ["alert-rule.create", "admin"],
        ["user.create", "admin"],
        ["alert-rule.create", "admin"],
        ["user.create", "admin"],
        ["user.create", "admin"],
      ]);
      expect(entries.filter((e) => e.kind === "drill").map((e) => [e.action, e.actor])).toEqual([
        ["drill_stop", "olga"],
        ["drill_start", "olga"],
      ]);
      await admin.send("POST", "/api/regions/delhi/breaker", { action: "reset" });
    });
  });

  describe("sessions", () => {
    it("signs in with an httpOnly, SameSite cookie and answers the user and a CSRF token", async () => {
      const response = await raw("POST", "/api/session", { body: { username: "Admin", password: TEST_ADMIN_PASSWORD } });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { user: unknown; csrfToken: string };
      expect(body.user).toEqual({ username: "admin", role: "admin" });
      expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const cookie = response.headers.get("set-cookie")!;
      expect(cookie).toMatch(/^signalbox_session=[A-Za-z0-9_-]{43}; /);
      expect(cookie).toContain("HttpOnly");
      expect(cookie).toContain("SameSite=Lax");
      expect(cookie).toContain("Path=/");
    });

    it("answers the current user on GET and 401 without a session", async () => {
      expect(await viewer.read("/api/session")).toEqual({ user: { username: "victor", role: "viewer" }, csrfToken: viewer.csrfToken });
      const anonymous = await raw("GET", "/api/session");
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    });

    it("needs a session for every read except health", async () => {
      for (const path of [
        "/api/snapshot",
        "/api/regions",
        "/api/alerts",
        "/api/history",
        "/api/dlq",
        "/api/timeline",
        "/api/cost/live",
        "/api/cost/scenarios",
        "/api/alert-rules",
        "/api/chaos",
        "/api/silences",
      ]) {
        expect([path, (await raw("GET", path)).status]).toEqual([path, 401]);
        expect([path, (await viewer.fetch(path)).status]).toEqual([path, 200]);
      }
      expect((await raw("GET", "/api/healthz")).status).toBe(200);
    });

    it("signs out: the cookie is cleared and the session no longer works", async () => {
      const session = await signInAs(server.url, "victor", "victor-password");
      const response = await session.send("DELETE", "/api/session");
      expect(response.status).toBe(200);
      expect(response.headers.get("set-cookie")).toContain("Max-Age=0");
      expect((await session.fetch("/api/session")).status).toBe(401);
      expect((await viewer.fetch("/api/session")).status).toBe(200);
    });

    it("stores passwords as argon2id hashes and sessions as sha256 of their token", async () => {
      const users = await query<{ username: string; password_hash: string }>(`SELECT username, password_hash FROM users ORDER BY username`);
      expect(users.length).toBeGreaterThanOrEqual(3);
      for (const user of users) expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$/);
      const token = admin.cookie.split("=")[1]!;
      const sessions = await query<{ token_hash: string }>(`SELECT token_hash FROM sessions`);
      expect(sessions.map((s) => s.token_hash)).not.toContain(token);
      expect(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
    });

    it("limits failed sign-ins per username and address: the sixth try in 5 minutes gets 429 with Retry-After", async () => {
      expect((await admin.send("POST", "/api/users", { username: "locked", password: "locked-password", role: "viewer" })).status).toBe(
        201,
      );
      for (let i = 0; i < 5; i++) {
        const wrong = await raw("POST", "/api/session", { body: { username: "locked", password: "wrong-password" } });
        expect(await wrong.json()).toEqual({ error: { code: "unauthenticated", message: "Wrong username or password." } });
      }
      const limited = await raw("POST", "/api/session", { body: { username: "locked", password: "locked-password" } });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(290);
      expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("too_many_requests");
      const entries = (await latestAudit(6)).filter((e) => e.action === "session.sign-in");
      expect(entries.map((e) => [e.actor, e.target, e.outcome])[0]).toEqual([null, "locked", "too_many_requests"]);
    });

    it("counts parallel sign-ins before checking them: 12 at once get 5 answers and 7 refusals", async () => {
      expect((await admin.send("POST", "/api/users", { username: "sprayed", password: "sprayed-password", role: "viewer" })).status).toBe(
        201,
      );
      const attempts = await Promise.all(
        Array.from({ length: 12 }, () => raw("POST", "/api/session", { body: { username: "sprayed", password: "wrong-password" } })),
      );
      expect(attempts.map((r) => r.status).sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
    });
  });

  describe("users", () => {
    it("takes two admins demoting each other at once one after the other, so one admin is left", async () => {
      const bob = await server.signIn("admin", "bob-admin");
      const { users } = await admin.read<{ users: Array<{ id: string; username: string; role: string }> }>("/api/users");
      const id = (name: string) => users.find((u) => u.username === name)!.id;
      const [first, second] = await Promise.all([
        admin.send("PUT", `/api/users/${id("bob-admin")}`, { role: "viewer" }),
        bob.send("PUT", `/api/users/${id("admin")}`, { role: "viewer" }),
      ]);
      // The loser is refused by the guard (403: its admin role is already gone) or by the locked count (409).
      const statuses = [first.status, second.status].sort();
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      const after = await query<{ username: string }>(`SELECT username FROM users WHERE role = 'admin'`);
      expect(after).toHaveLength(1);
      // Whichever won, admin ends as the only admin, as the tests below expect.
      if (after[0]!.username !== "admin") {
        expect((await bob.send("PUT", `/api/users/${id("admin")}`, { role: "admin" })).status).toBe(200);
        expect((await admin.send("PUT", `/api/users/${id("bob-admin")}`, { role: "viewer" })).status).toBe(200);
      }
      expect(await query<{ username: string }>(`SELECT username FROM users WHERE role = 'admin'`)).toEqual([{ username: "admin" }]);
    });

    it("refuses to delete yourself or demote the last admin", async () => {
      const { users } = await admin.read<{ users: Array<{ id: string; username: string }> }>("/api/users");
      const self = users.find((u) => u.username === "admin")!;
      const deleted = await admin.send("DELETE", `/api/users/${self.id}`);
      expect([deleted.status, ((await deleted.json()) as { error: { message: string } }).error.message]).toEqual([
        409,
        "You cannot delete yourself; ask another admin.",
      ]);
      const demoted = await admin.send("PUT", `/api/users/${self.id}`, { role: "viewer" });
      expect([demoted.status, ((await demoted.json()) as { error: { message: string } }).error.message]).toEqual([
        409,
        "admin is the last admin; make another user admin first.",
      ]);
    });

    it("applies a role change at once to a signed-in user", async () => {
      const { users } = await admin.read<{ users: Array<{ id: string; username: string }> }>("/api/users");
      const victor = users.find((u) => u.username === "victor")!;
      expect((await viewer.send("DELETE", "/api/chaos")).status).toBe(403);
      expect((await admin.send("PUT", `/api/users/${victor.id}`, { role: "operator" })).status).toBe(200);
      expect((await viewer.send("DELETE", "/api/chaos")).status).toBe(200);
      expect((await admin.send("PUT", `/api/users/${victor.id}`, { role: "viewer" })).status).toBe(200);
    });

    it("only operators and admins read the audit log", async () => {
      expect((await viewer.fetch("/api/audit")).status).toBe(403);
      const page = await operator.read<{ entries: AuditEntry[]; nextCursor: string | null }>("/api/audit?limit=2");
      expect(page.entries).toHaveLength(2);
      const next = await operator.read<{ entries: AuditEntry[] }>(`/api/audit?limit=2&cursor=${page.nextCursor}`);
      expect(BigInt(next.entries[0]!.id)).toBeLessThan(BigInt(page.entries[1]!.id));
    });
  });

  describe("ingest and sockets", () => {
    it("takes events only with the ingest key when INGEST_API_KEY is set", async () => {
      const events = makeWireEvents("auth", 0, 2);
      const headers = { "content-type": "application/json" };
      expect((await fetch(`${server.url}/api/events`, { method: "POST", headers, body: JSON.stringify(events) })).status).toBe(401);
      expect(
        (
          await fetch(`${server.url}/api/events`, {
            method: "POST",
            headers: { ...headers, "x-api-key": "wrong" },
            body: JSON.stringify(events),
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await fetch(`${server.url}/api/events`, {
            method: "POST",
            headers: { ...headers, "x-api-key": INGEST_KEY },
            body: JSON.stringify(events),
          })
        ).status,
      ).toBe(202);
    });

    it("disconnects an open dashboard once its session is signed out", async () => {
      const sam = await server.signIn("viewer", "sam");
      const socket = io(server.url, { transports: ["websocket"], reconnection: false, extraHeaders: { cookie: sam.cookie } });
      await new Promise<void>((resolve, reject) => {
        socket.on("connect", () => resolve());
        socket.on("connect_error", reject);
      });
      const disconnected = new Promise<string>((resolve) => socket.on("disconnect", (reason) => resolve(reason)));
      expect((await sam.send("DELETE", "/api/session")).status).toBe(200);
      expect(await disconnected).toBe("io server disconnect");
    });

    const connect = (namespace: string, options: { cookie?: string; auth?: Record<string, string> }) =>
      new Promise<string>((resolve) => {
        const socket = io(`${server.url}${namespace}`, {
          transports: ["websocket"],
          reconnection: false,
          ...(options.cookie ? { extraHeaders: { cookie: options.cookie } } : {}),
          ...(options.auth ? { auth: options.auth } : {}),
        });
        socket.on("connect", () => {
          socket.disconnect();
          resolve("connected");
        });
        socket.on("connect_error", (error) => {
          socket.disconnect();
          resolve(error.message);
        });
      });

    it("refuses a dashboard socket without a session and lets a viewer's in", async () => {
      expect(await connect("/", {})).toBe("unauthenticated");
      expect(await connect("/", { cookie: "signalbox_session=forged" })).toBe("unauthenticated");
      expect(await connect("/", { cookie: viewer.cookie })).toBe("connected");
    });

    it("lets players in with the ingest key only", async () => {
      expect(await connect("/player", { auth: { sessionId: "s-1" } })).toBe(
        "player handshake refused: the ingest key (auth.apiKey) is missing or wrong",
      );
      expect(await connect("/player", { auth: { sessionId: "s-1", apiKey: INGEST_KEY } })).toBe("connected");
    });
  });
});
