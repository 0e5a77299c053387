import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertRule, AlertView } from "@/core/alerts/alert-rules";
import type { Snapshot } from "@/core/metrics/snapshot";
import { signInAs, spawnServer, waitFor, type SpawnedServer } from "./testing/spawn-server";
import { makeWireEvents } from "./testing/wire-events";

describe("alerts: rules, firing, acknowledgement, resolution, restarts", () => {
  let dataDir: string;
  let server: SpawnedServer;
  let sequence = 0;
  let receiver: Server;
  const notices: Array<{ notice: string; title: string }> = [];
  const env = () => ({
    SIMULATOR: "off",
    DATA_DIR: dataDir,
    SNAPSHOT_INTERVAL_MS: "200",
    ALERT_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
  });

  /** As admin, who may do everything; acknowledgements and silences go through `operatorSend`, so they are attributed to priya. */
  const send = async (method: string, url: string, body?: unknown) => (await server.signIn()).send(method, url, body);
  const json = async <T>(method: string, url: string, body?: unknown) => (await (await send(method, url, body)).json()) as T;
  const operatorSend = async (method: string, url: string, body?: unknown) =>
    (await signInAs(server.url, "priya", "priya-password")).send(method, url, body);
  const operatorJson = async <T>(method: string, url: string, body?: unknown) =>
    (await (await operatorSend(method, url, body)).json()) as T;
  const active = async () => (await json<{ alerts: AlertView[] }>("GET", "/api/alerts?state=active")).alerts;
  /** A city's events for `seconds`, every 200 ms, `errorShare` of them viewer errors. */
  const play = async (city: string, seconds: number, errorShare: number) => {
    for (let tick = 0; tick < seconds * 5; tick++) {
      const batch = makeWireEvents("al", sequence, 20).map((event, i) => ({
        ...event,
        location: city,
        event_type: i < errorShare * 20 ? "error" : "play",
      }));
      sequence += 20;
      await send("POST", "/api/events", batch);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "signalbox-alerts-"));
    // The webhook receiver the alerts notify, started by the test itself.
    receiver = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        const { notice, title } = JSON.parse(body) as { notice: string; title: string };
        notices.push({ notice, title });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    server = await spawnServer(env());
    await server.signIn("operator", "priya");
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    await new Promise((resolve) => receiver.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  it("seeds the five rules of SPEC section 5 once", async () => {
    const { rules } = await json<{ rules: AlertRule[] }>("GET", "/api/alert-rules");
    expect(rules.map((r) => [r.name, r.impact])).toEqual([
      ["Error rate", "HIGH"],
      ["Processing latency", "MEDIUM"],
      ["Consumer lag", "HIGH"],
      ["Inter-region latency", "MEDIUM"],
      ["Memory", "LOW"],
    ]);
  });

  it("refuses a bad rule, naming every bad field", async () => {
    const response = await send("POST", "/api/alert-rules", {
      name: "",
      metric: "error_rate_percent",
      region: "pune",
      direction: "above",
      warning: 5,
      critical: 2,
      windowSeconds: 1,
      channels: [],
      impact: "HIGH",
      runbookUrl: "x",
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { details: { fields: Array<{ path: string; message: string }> } } };
    expect(body.error.details.fields).toEqual([
      { path: "name", message: "must not be empty" },
      { path: "windowSeconds", message: "must be at least 10 seconds" },
      { path: "runbookUrl", message: "must be an http(s) URL" },
      { path: "critical", message: "must be at or beyond warning in the bad direction (above)" },
    ]);
  });

  it("fires when the error rate breaches, takes the health score down, is acknowledged with a note, survives a restart and resolves once errors stop", async () => {
    // The default error-rate rule would fire too (HIGH, a 2-minute window): switched off, so this test's rule is alone.
    const { rules } = await json<{ rules: AlertRule[] }>("GET", "/api/alert-rules");
    const { id: defaultId, ...defaultRule } = rules.find((r) => r.name === "Error rate")!;
    expect(await json<AlertRule>("PUT", `/api/alert-rules/${defaultId}`, { ...defaultRule, enabled: false })).toMatchObject({
      id: defaultId,
      enabled: false,
    });

    const rule = await json<AlertRule>("POST", "/api/alert-rules", {
      name: "Pune errors (test)",
      metric: "error_rate_percent",
      region: "pune",
      direction: "above",
      warning: 10,
      critical: 60,
      clearThreshold: 5,
      windowSeconds: 10,
      channels: ["webhook"],
      impact: "HIGH",
      runbookUrl: "https://runbooks.example/pune-errors",
    });
    await play("Pune", 2, 0.5);
    const [fired] = await waitFor(active, (alerts) => alerts.some((a) => a.ruleId === rule.id), 15_000);
    expect(fired).toMatchObject({
      ruleName: "Pune errors (test)",
      region: "pune",
      state: "firing",
      severity: "warning",
      impact: "HIGH",
      warning: 10,
      critical: 60,
    });
    const snapshot = await json<Snapshot>("GET", "/api/snapshot");
    expect(snapshot.alerts.map((a) => a.id)).toContain(fired!.id);
    expect(snapshot.system.healthScore).toBe(80);

    const acked = await operatorJson<AlertView>("POST", `/api/alerts/${fired!.id}/ack`, { note: "looking at the Pune CDN" });
    expect(acked).toMatchObject({ state: "acknowledged", acknowledgedBy: "priya", note: "looking at the Pune CDN" });
    const again = await operatorSend("POST", `/api/alerts/${fired!.id}/ack`, { note: "twice" });
    expect(again.status).toBe(409);
    expect((await operatorSend("POST", `/api/alerts/${fired!.id}/ack`, {})).status).toBe(400);

    await server.stop();
    server = await spawnServer(env());
    expect((await active()).map((a) => [a.id, a.state])).toEqual([[fired!.id, "acknowledged"]]);

    await play("Pune", 12, 0);
    const resolved = await waitFor(
      async () => (await json<{ alerts: AlertView[] }>("GET", "/api/alerts?state=resolved")).alerts,
      (alerts) => alerts.some((a) => a.id === fired!.id),
      20_000,
    );
    expect(resolved.find((a) => a.id === fired!.id)).toMatchObject({ state: "resolved", acknowledgedBy: "priya", flaps: 0 });
    expect((await json<Snapshot>("GET", "/api/snapshot")).system.healthScore).toBe(100);

    // Every notice reached the webhook, and the alert's history holds each change and delivery in order.
    const title = "Pune errors (test) in Pune (warning, HIGH impact)";
    await waitFor(
      async () => notices.length,
      (n) => n === 3,
      10_000,
    );
    expect(notices).toEqual([
      { notice: "fired", title: `[FIRING] ${title}` },
      { notice: "acknowledged", title: `[ACKNOWLEDGED] ${title}` },
      { notice: "resolved", title: `[RESOLVED] ${title}` },
    ]);
    const { history } = await waitFor(
      () => json<{ history: Array<{ kind: string; actor: string | null; note: string | null }> }>("GET", `/api/alerts/${fired!.id}`),
      (h) => h.history.filter((e) => e.kind === "delivered").length === 3,
      10_000,
    );
    expect(history.map((e) => [e.kind, e.actor, e.note])).toEqual([
      ["fired", null, "warning"],
      ["delivered", null, "fired via webhook"],
      ["acknowledged", "priya", "looking at the Pune CDN"],
      ["delivered", null, "acknowledged via webhook"],
      ["resolved", null, "the condition cleared"],
      ["delivered", null, "resolved via webhook"],
    ]);
    // Who was notified and the worst value are kept with it; the channel's last delivery is this one.
    const { alert } = await json<{ alert: AlertView }>("GET", `/api/alerts/${fired!.id}`);
    expect(alert.notified).toEqual({ delivered: ["webhook"], failed: [], skipped: [], silenced: false });
    expect(alert.peak!.value).toBeGreaterThan(10);
    expect(alert.live).toBeNull();
    const { channels } = await json<{ channels: Array<{ channel: string; configured: boolean; last: { outcome: string } | null }> }>(
      "GET",
      "/api/alert-channels",
    );
    expect(channels.map((c) => [c.channel, c.configured, c.last?.outcome ?? null])).toEqual([
      ["webhook", true, "delivered"],
      ["slack", false, null],
      ["pagerduty", false, null],
      ["email", false, null],
      ["sms", false, null],
    ]);
  }, 90_000);

  it("silences a region for a while: its alerts still fire and show, and notify nobody", async () => {
    expect((await operatorSend("POST", "/api/silences", { reason: "x", durationMinutes: 5 })).status).toBe(400);
    const refused = await operatorSend("POST", "/api/silences", { region: "kolkata", reason: "", durationMinutes: 0 });
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      "reason must say why; durationMinutes must be 1 to 1440",
    );

    const silence = await operatorJson<{ id: string; region: string; createdBy: string; startsAt: number; endsAt: number }>(
      "POST",
      "/api/silences",
      {
        region: "kolkata",
        reason: "planned CDN switch",
        durationMinutes: 30,
      },
    );
    expect(silence).toMatchObject({ region: "kolkata", createdBy: "priya" });
    expect(silence.endsAt - silence.startsAt).toBe(30 * 60_000);
    const rule = await json<AlertRule>("POST", "/api/alert-rules", {
      name: "Kolkata errors (test)",
      metric: "error_rate_percent",
      region: "kolkata",
      direction: "above",
      warning: 10,
      critical: 60,
      windowSeconds: 10,
      channels: ["webhook"],
      impact: "MEDIUM",
      runbookUrl: "https://runbooks.example/kolkata-errors",
    });
    const before = notices.length;
    await play("Kolkata", 2, 0.5);
    const [fired] = await waitFor(
      async () => (await active()).filter((a) => a.ruleId === rule.id),
      (alerts) => alerts.length === 1,
      15_000,
    );
    expect(fired!.silencedUntil).toBe(silence.endsAt);
    const { history } = await waitFor(
      () => json<{ history: Array<{ kind: string; note: string | null }> }>("GET", `/api/alerts/${fired!.id}`),
      (h) => h.history.length === 2,
      10_000,
    );
    expect(history.map((e) => [e.kind, e.note])).toEqual([
      ["fired", "warning"],
      ["delivery_skipped", `fired: silenced until ${new Date(silence.endsAt).toISOString()} by priya (planned CDN switch)`],
    ]);
    expect((await json<{ alert: AlertView }>("GET", `/api/alerts/${fired!.id}`)).alert.notified).toEqual({
      delivered: [],
      failed: [],
      skipped: [],
      silenced: true,
    });
    expect(notices.length).toBe(before);
  }, 60_000);

  it("keeps the evening's alerts, acknowledgements and silences on one timeline, filterable by region", async () => {
    type Timeline = {
      entries: Array<{
        kind: string;
        action: string;
        region: string | null;
        title: string;
        actor: string | null;
        detail: string | null;
        alertId: string | null;
      }>;
    };
    const pune = await json<Timeline>("GET", "/api/timeline?region=pune");
    // Audit entries (rules, drills, users) name no region, so a region filter keeps them.
    expect(new Set(pune.entries.filter((e) => e.kind !== "audit").map((e) => e.region))).toEqual(new Set(["pune"]));
    expect(pune.entries.filter((e) => e.kind === "audit" && e.action === "alert-rule.create").map((e) => e.actor)).toEqual([
      "admin",
      "admin",
    ]);
    const [resolvedAlert] = (await json<{ alerts: AlertView[] }>("GET", "/api/alerts?state=resolved&region=pune")).alerts;
    expect(pune.entries.filter((e) => e.kind === "alert").map((e) => [e.action, e.title, e.actor, e.detail, e.alertId])).toEqual([
      ["resolved", "Pune errors (test) resolved", null, "the condition cleared", resolvedAlert!.id],
      ["acknowledged", "Pune errors (test) acknowledged", "priya", "looking at the Pune CDN", resolvedAlert!.id],
      ["fired", "Pune errors (test) fired", null, "warning", resolvedAlert!.id],
    ]);

    const kolkata = await json<Timeline>("GET", "/api/timeline?region=kolkata");
    expect(
      kolkata.entries.filter((e) => e.kind === "alert" || e.kind === "silence").map((e) => [e.kind, e.action, e.actor, e.detail]),
    ).toEqual([
      ["alert", "fired", null, "warning"],
      ["silence", "silence", "priya", "planned CDN switch"],
    ]);

    const all = await json<Timeline>("GET", "/api/timeline");
    expect(all.entries.filter((e) => e.kind === "alert")).toHaveLength(4);
    const backwards = await send("GET", "/api/timeline?from=2026-11-26T10:00:00Z&to=2026-11-26T09:00:00Z");
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as { error: { message: string } }).error.message).toBe("from must be before to");
    expect((await send("GET", "/api/timeline?region=atlantis")).status).toBe(400);
  }, 30_000);

  it("filters the alert history by rule, severity and when it fired", async () => {
    const history = async (query: string) =>
      (await json<{ alerts: AlertView[] }>("GET", `/api/alerts?${query}`)).alerts.map((a) => a.ruleName);
    const [pune] = (await json<{ alerts: AlertView[] }>("GET", "/api/alerts?region=pune")).alerts;
    expect(await history(`ruleId=${pune!.ruleId}`)).toEqual(["Pune errors (test)"]);
    expect(await history("severity=warning")).toEqual(["Kolkata errors (test)", "Pune errors (test)"]);
    expect(await history("severity=critical")).toEqual([]);
    expect(await history(`from=${pune!.firedAt}&to=${pune!.firedAt + 1}`)).toEqual(["Pune errors (test)"]);
    expect(await history(`from=${Date.now() + 60_000}`)).toEqual([]);
    const refused = await send("GET", "/api/alerts?severity=loud&ruleId=7");
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      "severity: severity must be one of warning, critical",
    );
  }, 30_000);
});
