import type { NetworkType, Quality, ViewerEvent } from "@/core/events/events";
import { QUALITY_LADDER, decideQualityChange } from "@/core/experience/quality-ladder";
import type { ComponentHealth } from "../health";
import { messageOf } from "../errors";

export interface SimulatorOptions {
  viewers: number;
  heartbeatSeconds: number;
  errorPercent: number;
  surgeAtSeconds: number;
  surgeSeconds: number;
  surgeFactor: number;
  /** Heartbeats go out in this many slices per second, so load is smooth rather than bursty. */
  ticksPerSecond?: number;
  seed?: number;
  contentId?: string;
}

// City weights roughly follow regional capacity; the last few are cities no region lists, which route to mumbai.
const CITIES: ReadonlyArray<readonly [string, number]> = [
  ["Mumbai", 17],
  ["Nashik", 3],
  ["Delhi", 12],
  ["Gurgaon", 4],
  ["Noida", 4],
  ["Bangalore", 11],
  ["Mysore", 2],
  ["Mangalore", 2],
  ["Hyderabad", 8],
  ["Vijayawada", 3],
  ["Pune", 8],
  ["Kolkata", 6],
  ["Bhubaneswar", 2],
  ["Jaipur", 3],
  ["Lucknow", 3],
  ["Ahmedabad", 3],
];
const NETWORKS: ReadonlyArray<readonly [NetworkType, number, number]> = [
  // network, share, median bandwidth (kbps)
  ["4G", 35, 4_500],
  ["5G", 20, 16_000],
  ["WiFi", 30, 12_000],
  ["broadband", 15, 30_000],
];
// Error texts of SPEC section 4, mostly transient, as real players report them.
const ERRORS: ReadonlyArray<readonly [string, string, number]> = [
  ["E_TIMEOUT", "segment fetch timeout after 10s", 40],
  ["E_NETWORK", "network unreachable", 25],
  ["E_TEMP", "temporary CDN edge failure", 15],
  ["E_RATE", "rate_limit exceeded on manifest", 10],
  ["E_ACCOUNT", "invalid_account: subscription expired", 4],
  ["E_FUNDS", "insufficient_funds for pay-per-view", 2],
  ["E_BLOCKED", "blocked_user", 2],
  ["E_DB", "database_corruption in session store", 1],
  ["E_SYS", "system_failure in packager", 0.6],
  ["E_LOSS", "data_loss on segment upload", 0.4],
];

/** mulberry32: a small seeded PRNG, so a run can be replayed exactly. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks an index with probability proportional to its weight, from a uniform draw in [0, 1). */
function createPicker(weights: readonly number[]): (r: number) => number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let running = 0;
  const cumulative = weights.map((w) => (running += w / total));
  return (r) => {
    const index = cumulative.findIndex((c) => r < c);
    return index === -1 ? weights.length - 1 : index;
  };
}

const pickCity = createPicker(CITIES.map((c) => c[1]));
const pickNetwork = createPicker(NETWORKS.map((n) => n[1]));
const pickError = createPicker(ERRORS.map((e) => e[2]));

/**
 * An IPL-final evening: a population of viewers, each sending a heartbeat every few seconds with
 * plausible city, network, bitrate and buffer health; players follow the quality ladder's advice,
 * and a surge (the last over) brings more viewers, more congestion and more errors.
 */
export class TrafficSimulator {
  private readonly maxViewers: number;
  private readonly city: Uint8Array;
  private readonly network: Uint8Array;
  private readonly quality: Uint8Array;
  private readonly bandwidth: Float32Array;
  private readonly buffer: Float32Array;
  private readonly sessionIds: string[] = [];
  private readonly random: () => number;
  private readonly ticksPerSecond: number;
  private readonly slices: number;
  private tickCount = 0;
  private sequence = 0;

  constructor(private readonly options: SimulatorOptions) {
    this.maxViewers = Math.round(options.viewers * Math.max(1, options.surgeFactor));
    this.ticksPerSecond = options.ticksPerSecond ?? 10;
    this.slices = Math.max(1, options.heartbeatSeconds * this.ticksPerSecond);
    this.random = createRandom(options.seed ?? Date.now());
    this.city = new Uint8Array(this.maxViewers);
    this.network = new Uint8Array(this.maxViewers);
    this.quality = new Uint8Array(this.maxViewers);
    this.bandwidth = new Float32Array(this.maxViewers);
    this.buffer = new Float32Array(this.maxViewers);
    for (let i = 0; i < this.maxViewers; i++) {
      this.city[i] = pickCity(this.random());
      const network = pickNetwork(this.random());
      this.network[i] = network;
      this.bandwidth[i] = NETWORKS[network]![2] * (0.4 + this.random() * 1.4);
      this.buffer[i] = 4 + this.random() * 8;
      this.quality[i] = this.bestRungFor(this.bandwidth[i]!);
    }
  }

  /** Viewers watching `elapsedSeconds` into the evening: the base audience, ramping up to the surge and back. */
  activeViewers(elapsedSeconds: number): number {
    const { viewers, surgeAtSeconds, surgeSeconds } = this.options;
    const ramp = Math.min(15, surgeSeconds / 2);
    const into = elapsedSeconds - surgeAtSeconds;
    if (surgeSeconds <= 0 || into < 0 || into > surgeSeconds) return viewers;
    const level = ramp > 0 ? Math.min(1, into / ramp, (surgeSeconds - into) / ramp) : 1;
    return Math.round(viewers + (this.maxViewers - viewers) * level);
  }

  /** The heartbeats due in the next slice of time: every active viewer sends one per heartbeat period. */
  nextEvents(elapsedSeconds: number, now: number): ViewerEvent[] {
    const active = this.activeViewers(elapsedSeconds);
    const surging = active > this.options.viewers;
    const slice = this.tickCount++ % this.slices;
    const errorChance = (this.options.errorPercent / 100) * (surging ? 2 : 1);
    const events: ViewerEvent[] = [];
    for (let i = slice; i < active; i += this.slices) events.push(this.heartbeat(i, now, surging, errorChance));
    return events;
  }

  health(): ComponentHealth {
    return { status: "up", detail: `${this.options.viewers} viewers, heartbeat every ${this.options.heartbeatSeconds} s` };
  }

  private heartbeat(i: number, now: number, surging: boolean, errorChance: number): ViewerEvent {
    const r = this.random;
    const network = NETWORKS[this.network[i]!]!;
    // Bandwidth wanders around the network's typical value (a surge congests it); the buffer fills
    // towards ~10 s while bandwidth covers the rung with room to spare, and drains when it does not.
    const typical = network[2] * (surging ? 0.7 : 1);
    const bandwidth = Math.max(300, this.bandwidth[i]! + (typical - this.bandwidth[i]!) * 0.05 + (r() - 0.5) * typical * 0.3);
    this.bandwidth[i] = bandwidth;
    const current = QUALITY_LADDER[this.quality[i]!]!;
    const fillTo = bandwidth >= current.minBitrateKbps * 1.2 ? 10 : bandwidth >= current.minBitrateKbps ? 5 : 0.5;
    const buffer = Math.min(30, Math.max(0, this.buffer[i]! + (fillTo - this.buffer[i]!) * 0.35 + (r() - 0.5) * 4));
    this.buffer[i] = buffer;

    const from: Quality = current.quality;
    const decision = decideQualityChange(from, Math.round(bandwidth), buffer);
    if (decision) this.quality[i] = QUALITY_LADDER.findIndex((rung) => rung.quality === decision.to);

    const sessionId = (this.sessionIds[i] ??= `sim-${i.toString(36)}`);
    const event: ViewerEvent = {
      eventId: `${sessionId}-${(this.sequence++).toString(36)}`,
      userId: `user-${i.toString(36)}`,
      deviceId: `dev-${i.toString(36)}`,
      sessionId,
      eventType: "play",
      timestamp: now,
      quality: from,
      location: CITIES[this.city[i]!]![0],
      contentId: this.options.contentId ?? "ipl-final-2026",
      bitrate: Math.round(bandwidth),
      bufferHealth: Math.round(buffer * 100) / 100,
      networkType: network[0],
      priority: 5,
      contentType: "live_match",
    };
    const roll = r();
    if (roll < errorChance) {
      const error = ERRORS[pickError(r())]!;
      event.eventType = "error";
      event.errorCode = error[0];
      event.errorMessage = error[1];
    } else if (buffer < 2) {
      event.eventType = "buffer";
    } else if (decision) {
      event.eventType = "quality_change";
    } else if (roll < errorChance + 0.02) {
      event.eventType = "pause";
    }
    return event;
  }

  private bestRungFor(bandwidth: number): number {
    let best = 0;
    QUALITY_LADDER.forEach((rung, index) => {
      if (rung.minBitrateKbps <= bandwidth * 0.8) best = index;
    });
    return best;
  }
}

export interface RunningSimulator {
  health(): ComponentHealth;
  stop(): Promise<void>;
}

/**
 * Plays the simulator in real time into `ingest`. Slices are emitted by the clock, not by timer
 * count, so a late timer catches up and every second carries the same load; a slice still being
 * ingested makes the next ones wait their turn.
 */
export function startSimulator(
  simulator: TrafficSimulator,
  ingest: (events: ViewerEvent[]) => Promise<void>,
  options: { ticksPerSecond: number; log: (message: string) => void },
): RunningSimulator {
  const startedAt = Date.now();
  let slicesEmitted = 0;
  let inFlight: Promise<void> | null = null;
  let lastError: string | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (inFlight || stopped) return;
    const now = Date.now();
    const elapsedSeconds = (now - startedAt) / 1000;
    // After a long stall, skip what is more than a second late rather than flood the pipeline.
    const due = Math.floor(elapsedSeconds * options.ticksPerSecond);
    slicesEmitted = Math.max(slicesEmitted, due - options.ticksPerSecond);
    const events: ViewerEvent[] = [];
    for (; slicesEmitted < due; slicesEmitted++) {
      for (const event of simulator.nextEvents(elapsedSeconds, now)) events.push(event);
    }
    if (events.length === 0) return;
    inFlight = ingest(events)
      .then(() => {
        lastError = null;
      })
      .catch((error: unknown) => {
        lastError = messageOf(error);
        options.log(`[simulator] could not ingest ${events.length} event(s): ${lastError}`);
      })
      .finally(() => {
        inFlight = null;
      });
  }, 1000 / options.ticksPerSecond);
  return {
    health: () => (lastError ? { status: "down", detail: lastError } : simulator.health()),
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await inFlight;
    },
  };
}
