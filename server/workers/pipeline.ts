import type { RollupRecord } from "@/core/metrics/history";
import type { Snapshot } from "@/core/metrics/snapshot";
import { DEFAULT_HEALTH_POLICY, type HealthPolicy } from "@/core/routing/health-check";
import type { RoutingStrategy } from "@/core/routing/routing";
import type { EventBus, Subscription } from "../bus/event-bus";
import { InProcessBus, type InProcessBusOptions } from "../bus/in-process-bus";
import type { CommandSink } from "../socket/player-socket";
import type { LiveStore } from "../store/live-store";
import { MemoryLiveStore } from "../store/memory-live-store";
import type { RedisLedger } from "../store/redis-ledger";
import type { DeadLetterRecord } from "./dead-letter";
import { EventProcessor, type DurableOutlets } from "./event-processor";
import { FaultInjector } from "./fault-injector";
import { Ingestor } from "./ingestor";
import { MetricsHub } from "./metrics-hub";
import { createProcessSampler, type ProcessSample } from "./process-sampler";
import { RegionManager, type RegionChange } from "./region-manager";

export interface PipelineOptions {
  now: number;
  strategy?: RoutingStrategy;
  /** Health rules and failover guards; the defaults when absent. */
  healthPolicy?: HealthPolicy;
  heartbeatWindowMs?: number;
  idempotencyWindowMs?: number;
  rollupMs?: number;
  maxRetries?: number;
  maxInRetry?: number;
  faults?: FaultInjector;
  commands?: CommandSink;
  /** Options of the in-process bus, used when no `bus` is given. */
  inProcessBus?: InProcessBusOptions;
  /** A durable bus (Kafka); with it, `ledger` keeps the books every process shares. */
  bus?: EventBus;
  store?: LiveStore;
  ledger?: RedisLedger;
  historyState?: () => Snapshot["system"]["history"];
  alerts?: () => Snapshot["alerts"];
  /** The replication links' lag, for the snapshot. */
  replication?: () => Snapshot["replication"];
  /** false: ingest only; the workers run in other processes of a durable bus. */
  consume?: boolean;
  /** The durable bus's retry and DLQ topics; set with `ledger`. */
  durable?: DurableOutlets;
  sampleProcess?: () => ProcessSample;
  onRollups?: (records: RollupRecord[]) => void;
  onRegionChange?: (change: RegionChange) => void;
  deadLetter?: (record: DeadLetterRecord, replayOf?: string) => void;
  onReplayProcessed?: (deadLetterId: string) => void;
}

export interface Pipeline {
  store: LiveStore;
  bus: EventBus;
  regions: RegionManager;
  hub: MetricsHub;
  processor: EventProcessor;
  ingestor: Ingestor;
  /** null when this process does not consume. */
  subscription: Subscription | null;
}

const ignore = () => {};

/**
 * Wires the engine once, for the server, the bench and the tests alike: store, bus (in-process
 * and in memory unless given), regions,
 * metrics hub, processor subscribed as the "processors" group, and the ingestor that routes into it.
 * Every option has the server's default; callbacks default to doing nothing.
 */
export async function createPipeline(options: PipelineOptions): Promise<Pipeline> {
  const store =
    options.store ?? new MemoryLiveStore(options.heartbeatWindowMs ?? 15_000, options.idempotencyWindowMs ?? 30_000, options.now);
  const bus = options.bus ?? new InProcessBus(options.inProcessBus);
  const regions = new RegionManager({
    strategy: options.strategy ?? "proximity",
    policy: options.healthPolicy ?? DEFAULT_HEALTH_POLICY,
    startedAt: options.now,
    onChange: options.onRegionChange ?? ignore,
  });
  const faults = options.faults ?? new FaultInjector();
  const hub = new MetricsHub({
    store,
    regions,
    lag: (region) => bus.lag(region),
    ...(options.replication ? { replication: options.replication } : {}),
    ...(options.historyState ? { historyState: options.historyState } : {}),
    ...(options.alerts ? { alerts: options.alerts } : {}),
    drills: (now) => faults.list(now),
    sampleProcess: options.sampleProcess ?? createProcessSampler(),
    rollupMs: options.rollupMs ?? 10_000,
    distributionWindows: 10,
    onRollups: options.onRollups ?? ignore,
    startedAt: options.now,
  });
  const processor = new EventProcessor({
    hub,
    store,
    commands: options.commands ?? { isListening: () => false, deliver: ignore },
    outcomes: regions,
    faults,
    maxRetries: options.maxRetries ?? 3,
    maxInRetry: options.maxInRetry ?? 100_000,
    deadLetter: options.deadLetter ?? ignore,
    onReplayProcessed: options.onReplayProcessed ?? ignore,
    ledger: options.ledger ?? null,
    durable: options.durable ?? null,
  });
  const subscription = options.consume === false ? null : await bus.subscribe("processors", processor.handler);
  const ingestor = new Ingestor(bus, hub, (event) => regions.route(event));
  return { store, bus, regions, hub, processor, ingestor, subscription };
}
