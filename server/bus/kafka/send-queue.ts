import type { RegionId } from "@/core/routing/regions";
import { AppError, messageOf } from "../../errors";
import { refusalOf } from "./kafka-errors";
import { addProduced, type PendingPublish, type ProduceRequest } from "./packing";

/** Sends under way at once, so the next one is packed while Kafka acknowledges the last. */
const MAX_SENDS_IN_FLIGHT = 2;
/** How often a close looks whether the queue has been sent. */
const DRAIN_POLL_MS = 20;

export interface SendQueueOptions {
  /** Packs what one send takes into produce requests (see packing.ts). */
  pack: (publishes: readonly PendingPublish[]) => ProduceRequest[];
  /** Sends one request (acks=all); resolves once Kafka holds it. */
  send: (request: ProduceRequest) => Promise<void>;
  /** Told how many events each region's partitions got, once Kafka has acknowledged them. */
  onProduced?: (produced: ReadonlyMap<RegionId, readonly number[]>) => Promise<void>;
  /** Told of a send Kafka did not take, before its publishes are refused. */
  onFailure: (error: unknown) => void;
  log: (message: string) => void;
}

/** A publish waiting for the next send, and its caller's answer. */
interface QueuedPublish extends PendingPublish {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The producer's queue: publishes that arrive while a send is in flight go together in the next one,
 * every region in one request and each partition's events packed together, so a busy ingest sends
 * fewer, fuller messages and a quiet one waits for nothing.
 */
export class SendQueue {
  /** Publishes waiting for the send after the one in flight. */
  private queued: QueuedPublish[] = [];
  private readonly sending = new Set<Promise<void>>();
  private sendScheduled = false;

  constructor(private readonly options: SendQueueOptions) {}

  /** Resolves once Kafka (acks=all) holds the events; rejects with the reason it did not take them. */
  enqueue(publish: PendingPublish): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queued.push({ ...publish, resolve, reject });
      this.scheduleSend();
    });
  }

  /** Waits up to `timeoutMs` for what is queued to be sent (a broker that is down would hold a shutdown up), then refuses the rest. */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.sending.size > 0 || this.sendScheduled || this.queued.length > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
    }
    const refused = new AppError("unavailable", "The event bus shut down before Kafka took the events; send them again.");
    for (const publish of this.queued.splice(0)) publish.reject(refused);
  }

  /** Sends the queue on the next turn of the event loop, unless the sends in flight are at their limit (the next to finish sends it). */
  private scheduleSend(): void {
    if (this.sending.size >= MAX_SENDS_IN_FLIGHT || this.sendScheduled) return;
    this.sendScheduled = true;
    setImmediate(() => {
      this.sendScheduled = false;
      const send: Promise<void> = this.sendQueued().finally(() => {
        this.sending.delete(send);
        if (this.queued.length > 0) this.scheduleSend();
      });
      this.sending.add(send);
    });
  }

  /** Sends what is queued and settles each publish; never throws (a publish that cannot be sent is refused). */
  private async sendQueued(): Promise<void> {
    const taken = this.queued;
    this.queued = [];
    if (taken.length === 0) return;
    const produced = new Map<RegionId, number[]>();
    let failure: unknown = null;
    try {
      // One after another, so a session's messages split over two requests stay in order.
      for (const request of this.options.pack(taken)) {
        await this.options.send(request);
        addProduced(produced, request.produced);
      }
    } catch (error) {
      failure = error;
    }
    // What Kafka took is counted even when a later request failed; a failed count must not fail the
    // publish (a resend would double the events).
    if (produced.size > 0) {
      await Promise.resolve()
        .then(() => this.options.onProduced?.(produced))
        .catch((error: unknown) =>
          this.options.log(
            `[kafka] events produced but not counted as produced (${messageOf(error)}); the books catch up as they are consumed`,
          ),
        );
    }
    if (failure !== null) {
      this.options.onFailure(failure);
      // All of the send is refused, though a request before the failed one may have been taken: the
      // client's resend of those events is then counted as duplicates, never lost.
      const refused = refusalOf(failure);
      for (const publish of taken) publish.reject(refused);
      return;
    }
    for (const publish of taken) publish.resolve();
  }
}
