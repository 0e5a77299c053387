import type { TestProject } from "vitest/node";
import { freePortBeside, service, start, stopAll } from "./services";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
    /** redis://127.0.0.1:PORT of the run's private Redis. */
    redisUrl: string;
    /** The bootstrap broker list (127.0.0.1:PORT) of the run's private Kafka. */
    kafkaBrokers: string;
  }
}

/**
 * Starts a private Postgres, Redis and Kafka for this test run (never pre-started or system ones),
 * in parallel, and stops them afterwards. Kafka's jar cache (.services/kafka-lib) is kept.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = service("postgres", "postgres.sh", (dir) => [`${dir}.initdb.log`]);
  const redis = service("redis", "redis.sh");
  const kafka = service("kafka", "kafka.sh");
  const services = [postgres, redis, kafka];
  const taken: number[] = [];
  const ports = [await freePortBeside(taken), await freePortBeside(taken), await freePortBeside(taken)] as const;

  const started = await Promise.allSettled([start(postgres, ports[0]), start(redis, ports[1]), start(kafka, ports[2])]);
  const [postgresUrl, redisUrl, kafkaBrokers] = started;
  if (postgresUrl.status === "rejected" || redisUrl.status === "rejected" || kafkaBrokers.status === "rejected") {
    const failures = started.flatMap((r) => (r.status === "rejected" ? [(r.reason as Error).message] : []));
    // Stop what did start (and clean every folder) before reporting which service failed.
    await stopAll(services).catch((error: Error) => failures.push(error.message));
    throw new Error(failures.join("\n\n"));
  }
  project.provide("postgresUrl", postgresUrl.value);
  project.provide("redisUrl", redisUrl.value);
  project.provide("kafkaBrokers", kafkaBrokers.value);
  return () => stopAll(services);
}
