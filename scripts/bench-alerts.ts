// Alert latency: from the moment a rule's condition is met (the third breaching sample of an empty
// window, so ≥ 80% of ≥ 3 samples breach) to the alert arriving on an open dashboard's socket.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { io } from "socket.io-client";
import type { AlertsUpdate } from "@/core/live/live-protocol";
import type { Snapshot } from "@/core/metrics/snapshot";
import { spawnServer } from "@/server/testing/spawn-server";
import { makeWireEvents } from "@/server/testing/wire-events";

const CITIES = { pune: "Pune", kolkata: "Kolkata", hyderabad: "Hyderabad" } as const;

/** One measurement per region: milliseconds from condition met to the alert on the dashboard. */
export async function benchAlertLatency(): Promise<number[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "signalbox-bench-alerts-"));
  const server = await spawnServer({ SIMULATOR: "off", DATA_DIR: dataDir });
  // The dashboard socket and the rule changes need a signed-in admin.
  const admin = await server.signIn();
  const socket = io(server.url, { transports: ["websocket"], extraHeaders: { cookie: admin.cookie } });
  const latencies: number[] = [];
  try {
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    let sequence = 0;
    for (const [region, city] of Object.entries(CITIES)) {
      const created = await admin.send("POST", "/api/alert-rules", {
        name: `bench ${region}`,
        metric: "error_rate_percent",
        region,
        direction: "above",
        warning: 10,
        critical: 90,
        windowSeconds: 10,
        channels: [],
        impact: "LOW",
        runbookUrl: "https://runbooks.example/bench",
      });
      const ruleId = ((await created.json()) as { id: string }).id;
      let breaching = 0;
      let conditionMetAt: number | null = null;
      const arrived = new Promise<number>((resolve) => {
        const seen = (alerts: AlertsUpdate["alerts"]) => {
          if (alerts.some((a) => a.ruleId === ruleId)) resolve(Date.now());
        };
        socket.on("alerts", (update: AlertsUpdate) => seen(update.alerts));
        socket.on("snapshot", (snapshot: Snapshot) => {
          const sample = snapshot.regions.find((r) => r.id === region)!;
          if (sample.eventsPerSecond > 0 && sample.errorRatePercent > 10 && ++breaching === 3) conditionMetAt = snapshot.at;
          seen(snapshot.alerts);
        });
      });
      const sending = setInterval(() => {
        const events = makeWireEvents("bench-alert", sequence, 50).map((e) => ({ ...e, location: city, event_type: "error" }));
        sequence += 50;
        void fetch(`${server.url}/api/events`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(events),
        });
      }, 200);
      const at = await arrived;
      clearInterval(sending);
      socket.off("alerts");
      socket.off("snapshot");
      if (conditionMetAt === null) throw new Error(`the ${region} alert arrived before its condition was seen on the dashboard`);
      latencies.push(at - conditionMetAt);
      await admin.send("DELETE", `/api/alert-rules/${ruleId}`);
    }
    return latencies;
  } finally {
    socket.disconnect();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
