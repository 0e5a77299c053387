import { REGION_IDS, REPLICATION_LINKS, type RegionId, type ReplicationLink } from "@/core/routing/regions";

/** The topics of one deployment: everything lives under its prefix, so a test owns its own set. */
export interface TopicNames {
  prefix: string;
  /** `<prefix>.events.<region>`, and back. */
  eventsByRegion: ReadonlyMap<RegionId, string>;
  regionByEvents: ReadonlyMap<string, RegionId>;
  /** `<prefix>.retry.<region>`, and back. */
  retryByRegion: ReadonlyMap<RegionId, string>;
  regionByRetry: ReadonlyMap<string, RegionId>;
  /** `<prefix>.dlq`. */
  deadLetters: string;
}

export function nameTopics(prefix: string): TopicNames {
  const eventsByRegion = new Map(REGION_IDS.map((region) => [region, `${prefix}.events.${region}`] as const));
  const retryByRegion = new Map(REGION_IDS.map((region) => [region, `${prefix}.retry.${region}`] as const));
  return {
    prefix,
    eventsByRegion,
    regionByEvents: new Map([...eventsByRegion].map(([region, topic]) => [topic, region])),
    retryByRegion,
    regionByRetry: new Map([...retryByRegion].map(([region, topic]) => [topic, region])),
    deadLetters: `${prefix}.dlq`,
  };
}

/** Where link `from → to` copies the source topic: the target region's replica of it. */
export function replicaTopicOf(sourceTopic: string, to: RegionId): string {
  return `${sourceTopic}.replica.${to}`;
}

/** Every topic a deployment needs: events, retries, the DLQ and each replication link's replica. */
export function allTopicsOf(names: TopicNames): string[] {
  const replicas = REPLICATION_LINKS.map((link) => replicaTopicOf(names.eventsByRegion.get(link.from)!, link.to));
  return [...names.regionByEvents.keys(), ...names.regionByRetry.keys(), names.deadLetters, ...replicas];
}

/** A consumer group's id on the broker: groups, like topics, live under the deployment's prefix. */
export function groupIdOf(prefix: string, groupId: string): string {
  return `${prefix}.${groupId}`;
}

/** The group (before its prefix) that copies one replication link. */
export function mirrorGroupOf(link: ReplicationLink): string {
  return `mirror.${link.from}-to-${link.to}`;
}
