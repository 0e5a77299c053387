import {
  KafkaJSConnectionError,
  KafkaJSError,
  KafkaJSGroupCoordinatorNotFound,
  KafkaJSLockTimeout,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  KafkaJSRequestTimeoutError,
} from "kafkajs";
import { describe, expect, it } from "vitest";
import { isRetriableKafkaError, refusalOf } from "./kafka-errors";

/** A broker's error answer as kafkajs makes it (protocol/error.js's createErrorFromCode). */
const brokerError = (type: string, code: number, retriable: boolean, message: string) =>
  new KafkaJSProtocolError(Object.assign(new Error(message), { type, code, retriable }));

const messageTooLarge = brokerError(
  "MESSAGE_TOO_LARGE",
  10,
  false,
  "The request included a message larger than the max message size the server will accept",
);
const topicAuthorization = brokerError(
  "TOPIC_AUTHORIZATION_FAILED",
  29,
  false,
  "Not authorized to access topics: [Topic authorization failed]",
);
const invalidRecord = brokerError("INVALID_RECORD", 87, false, "This record has failed the validation on broker and hence be rejected");
const notLeader = brokerError("NOT_LEADER_FOR_PARTITION", 6, true, "This server is not the leader for that topic-partition");
const connectionRefused = new KafkaJSConnectionError("Connection error: connect ECONNREFUSED 127.0.0.1:9092", { broker: "127.0.0.1:9092" });
// kafkajs's typings omit what these constructors take at run time.
const NonRetriable = KafkaJSNonRetriableError as unknown as new (error: Error, options: { cause: Error }) => Error;
/** A failure kafkajs's retrier stopped at, as it rejects with it. */
const wrapped = (error: Error) => new NonRetriable(error, { cause: error });
const lockTimeout = new (KafkaJSLockTimeout as unknown as new (message: string) => Error)("Timeout while acquiring lock");
const noCoordinator = new (KafkaJSGroupCoordinatorNotFound as unknown as new (message: string) => Error)(
  "Failed to find group coordinator",
);

describe("which Kafka failures are worth trying again", () => {
  it("calls the broker's permanent answers permanent, as kafkajs hands them over (bailed out, or wrapped)", () => {
    for (const error of [messageTooLarge, topicAuthorization, invalidRecord]) {
      expect(isRetriableKafkaError(error)).toBe(false);
      expect(isRetriableKafkaError(wrapped(error))).toBe(false);
    }
  });

  it("calls client-side refusals permanent (an invalid message, a wrapped programming error)", () => {
    expect(isRetriableKafkaError(new KafkaJSNonRetriableError("Invalid message without value for topic t"))).toBe(false);
    const bug = new TypeError("x is not a function");
    expect(isRetriableKafkaError(wrapped(bug))).toBe(false);
  });

  it("calls transient failures retriable: a broker down, a leader moving, a timeout, a producer not yet connected", () => {
    for (const error of [
      notLeader,
      connectionRefused,
      new KafkaJSRequestTimeoutError("Request Produce(key: 0, version: 7) timed out"),
      new KafkaJSError("The producer is disconnected"),
    ]) {
      expect(isRetriableKafkaError(error)).toBe(true);
    }
  });

  it("calls what kafkajs gave up retrying retriable: its retries ran out on a transient failure", () => {
    const exhausted = new KafkaJSNumberOfRetriesExceeded(connectionRefused, { retryCount: 5, retryTime: 5000 });
    expect(exhausted.retriable).toBe(false);
    expect(isRetriableKafkaError(exhausted)).toBe(true);
    expect(
      isRetriableKafkaError(new KafkaJSNumberOfRetriesExceeded(new Error("handler failed"), { retryCount: 10, retryTime: 10_000 })),
    ).toBe(true);
  });

  it("calls lock timeouts and a missing group coordinator retriable, though kafkajs marks them not", () => {
    expect(isRetriableKafkaError(lockTimeout)).toBe(true);
    expect(isRetriableKafkaError(noCoordinator)).toBe(true);
  });

  it("treats a failure that is not kafkajs's as transient, as the bus always has", () => {
    expect(isRetriableKafkaError(new Error("socket hang up"))).toBe(true);
    expect(isRetriableKafkaError("down")).toBe(true);
  });
});

describe("refusing a publish Kafka did not take", () => {
  it("asks the client to send a transient failure again", () => {
    expect(refusalOf(connectionRefused)).toMatchObject({
      code: "unavailable",
      message: "Kafka did not take the events (Connection error: connect ECONNREFUSED 127.0.0.1:9092); send them again.",
    });
  });

  it("says a permanent failure would fail again, and is not a 503", () => {
    const refusal = refusalOf(messageTooLarge);
    expect(refusal).toMatchObject({
      code: "internal",
      message:
        "Kafka refused the events for good (The request included a message larger than the max message size the server will accept); sending them again would fail the same way.",
    });
    expect(refusal.status).toBe(500);
  });
});
