import { z } from "zod";
import { DEFAULT_MAX_REPLAYS } from "@/core/dlq/replay-decision";
import { MAX_EVENTS_PER_MESSAGE } from "@/core/events/event-pack";
import { ROUTING_STRATEGIES } from "@/core/routing/routing";

const onOff = z.enum(["on", "off"], { error: 'must be "on" or "off"' });
const int = (min: number, max: number) =>
  z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** Every setting the server reads, validated once at start; defaults are the embedded, zero-setup ones. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    HOST: z.string().min(1).default("0.0.0.0"),
    PORT: int(0, 65_535).default(3000),
    /** A Postgres URL; unset means embedded PGlite under DATA_DIR. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }).optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    SIMULATOR: onOff.default("on"),
    SIMULATOR_VIEWERS: int(0, 5_000_000).default(200_000),
    SIMULATOR_HEARTBEAT_SECONDS: int(1, 300).default(10),
    SIMULATOR_ERROR_PERCENT: z.coerce
      .number({ error: "must be a number" })
      .min(0, "must be 0 to 100")
      .max(100, "must be 0 to 100")
      .default(1.2),
    /** Seconds after start when the surge (the last over) begins, and how long and how big it is. */
    SIMULATOR_SURGE_AT_SECONDS: int(0, 86_400).default(120),
    SIMULATOR_SURGE_SECONDS: int(0, 86_400).default(90),
    SIMULATOR_SURGE_FACTOR: z.coerce
      .number({ error: "must be a number" })
      .min(1, "must be 1 to 10")
      .max(10, "must be 1 to 10")
      .default(1.5),
    /** A session counts as a concurrent viewer while its last event is this recent (1.5 heartbeats, so a late one is not a departure). */
    HEARTBEAT_WINDOW_SECONDS: int(1, 600).default(15),
    /** An event_id seen again within this window is a duplicate and counted once. */
    IDEMPOTENCY_WINDOW_SECONDS: int(1, 3600).default(30),
    SNAPSHOT_INTERVAL_MS: int(100, 10_000).default(1000),
    /** How events pick their home region (SPEC section 2); spillover applies to all four. */
    ROUTING_STRATEGY: z.enum(ROUTING_STRATEGIES, { error: `must be one of ${ROUTING_STRATEGIES.join(", ")}` }).default("proximity"),
    /** How often region health is checked, and how long an automatic failover holds before it may fail back. */
    HEALTH_CHECK_SECONDS: int(1, 3600).default(30),
    FAILBACK_HOLD_SECONDS: int(0, 86_400).default(60),
    /** Events a region's check window needs for a verdict; fewer keeps the last one. */
    HEALTH_MIN_EVENTS: int(1, 10_000_000).default(200),
    /** Automatic failovers in force at once, at most, and the regions automatic failover always leaves active. */
    AUTO_FAILOVER_MAX: int(0, 100).default(1),
    AUTO_FAILOVER_MIN_ACTIVE: int(1, 100).default(2),
    /** Recovery attempts per failed event before it is dead-lettered (SPEC section 4). */
    MAX_RETRIES: int(0, 20).default(3),
    /** Events waiting for a retry beyond which new failures are dead-lettered at once (memory bound). */
    MAX_IN_RETRY: int(1, 10_000_000).default(100_000),
    /** Replays of one dead letter beyond which it is refused, so a poison event cannot loop. */
    MAX_REPLAYS: int(1, 100).default(DEFAULT_MAX_REPLAYS),
    /** Dead letters a replay reads from the database at a time, so a large filter never sits in memory at once. */
    REPLAY_BATCH_SIZE: int(1, 10_000).default(500),
    /** Dead letters a replay decides, claims and sends per step; its progress is stored and pushed after each. */
    REPLAY_PROGRESS_STEP: int(1, 10_000).default(50),
    /** How often open dashboards' sessions are checked again; a signed-out board is disconnected within it. */
    SESSION_SWEEP_SECONDS: int(1, 3600).default(15),
    /** How often the engine's counters are checkpointed to the database (and always at shutdown). */
    CHECKPOINT_SECONDS: int(1, 3600).default(5),
    ROLLUP_SECONDS: int(1, 3600).default(10),
    /** Rollups kept in memory while the database is unreachable; the oldest are dropped (and counted) beyond it. */
    HISTORY_BUFFER_LIMIT: int(100, 1_000_000).default(50_000),
    /** Kafka brokers (host:port, comma-separated); unset means the in-process bus. Needs REDIS_URL. */
    KAFKA_BROKERS: z
      .string()
      .transform((value) =>
        value
          .split(",")
          .map((broker) => broker.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/, "each broker must be host:port")).min(1, "must name at least one broker"))
      .optional(),
    /** Topics are <prefix>.events.<region>; the consumer group is <prefix>.processors. */
    KAFKA_TOPIC_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,100}$/, "must be 1 to 100 letters, digits, '.', '_' or '-'")
      .default("signalbox"),
    /** Partitions of each region's topic when Signalbox creates it; the most server processes that share a region's work. */
    KAFKA_PARTITIONS: int(1, 1000).default(3),
    /** Events packed into one Kafka message at most: per-message costs are paid once per pack (see the README's numbers). */
    KAFKA_EVENTS_PER_MESSAGE: int(1, MAX_EVENTS_PER_MESSAGE).default(500),
    /** Redis for live state shared by every process (viewers, idempotency, the books); unset means in memory. */
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional(),
    /** Every Redis key of this deployment starts with it. */
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,100}$/, "must be 1 to 100 letters, digits, '.', '_', ':' or '-'")
      .default("signalbox"),
    /**
     * Copy each region's topic along SPEC section 2's replication links (mirror consumers). Off by
     * default: every copy is another produce, about 1.5 times the event rate over all links.
     */
    KAFKA_REPLICATION: onOff.default("off"),
    /** Alert notification channels (SPEC section 5); a rule's channel without its settings is skipped, and the skip shows on the alert. */
    ALERT_WEBHOOK_URL: z.url({ error: "must be a URL" }).optional(),
    SLACK_WEBHOOK_URL: z.url({ error: "must be a URL" }).optional(),
    PAGERDUTY_EVENTS_URL: z.url({ error: "must be a URL" }).default("https://events.pagerduty.com/v2/enqueue"),
    PAGERDUTY_ROUTING_KEY: z.string().min(1).optional(),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
    ALERT_EMAIL_FROM: z.string().min(3).default("signalbox@localhost"),
    ALERT_EMAIL_TO: z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .optional(),
    TWILIO_API_URL: z.url({ error: "must be a URL" }).default("https://api.twilio.com"),
    TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
    TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
    TWILIO_FROM: z.string().min(1).optional(),
    ALERT_SMS_TO: z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .optional(),
    /** The password of the `admin` account created on the first start (when no user exists); unset prints a one-time one instead. */
    ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").max(200, "must be at most 200 characters").optional(),
    /** The x-api-key POST /api/events and /player sockets must send; unset leaves ingest open. */
    INGEST_API_KEY: z.string().min(16, "must be at least 16 characters").optional(),
    /** "off": this process ingests and serves dashboards but consumes nothing (other processes run the workers). */
    WORKERS: onOff.default("on"),
  })
  .refine((env) => !env.KAFKA_BROKERS || env.REDIS_URL, {
    path: ["REDIS_URL"],
    message: "must be set when KAFKA_BROKERS is: the books every process shares live in Redis",
  })
  .refine((env) => env.WORKERS === "on" || env.KAFKA_BROKERS, {
    path: ["WORKERS"],
    message: "can be off only with KAFKA_BROKERS: with the in-process bus nobody else would process the events",
  });

export type Env = z.infer<typeof envSchema>;

/** Parses the environment, or throws one message listing every bad variable and why. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
}
