/**
 * Events travel the bus packed several to a message: per-message costs (framing, CRC, headers,
 * acknowledgement bookkeeping) are paid once per pack instead of once per event.
 */

/** The most events one message may carry; an event's position is `offset × this + index`. */
export const MAX_EVENTS_PER_MESSAGE = 1000;

/** An event's place on its partition: unique per event even when one message holds many. */
export function positionOf(offset: number, index: number): number {
  return offset * MAX_EVENTS_PER_MESSAGE + index;
}

/** The partition of a key among `partitions`: FNV-1a of its UTF-16 units, so one session always lands on one partition. */
export function partitionOfKey(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
