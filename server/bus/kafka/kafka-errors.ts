import { AppError, messageOf } from "../../errors";

/** How deep a chain of causes is followed; kafkajs wraps at most a couple of times. */
const MAX_CAUSES = 8;

/**
 * kafkajs marks these non-retriable only so its own retrier stops: its retries ran out, or the broker
 * was slow or down; a later try can pass. By name, as kafkajs checks them (its CommonJS exports of
 * error classes are not named exports under Node's ESM loader).
 */
const TRANSIENT_DESPITE_MARK = new Set([
  "KafkaJSNumberOfRetriesExceeded",
  "KafkaJSTimeout",
  "KafkaJSLockTimeout",
  "KafkaJSGroupCoordinatorNotFound",
]);

/**
 * Whether a Kafka failure may pass when tried again. kafkajs marks each error `retriable`, and wraps
 * what it gave up on: the innermost marked cause decides. Failures without a mark (not from kafkajs)
 * are treated as transient, as before this distinction was made.
 */
export function isRetriableKafkaError(error: unknown): boolean {
  let decided: boolean | undefined;
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSES && typeof current === "object" && current !== null; depth++) {
    if (TRANSIENT_DESPITE_MARK.has(String((current as { name?: unknown }).name))) return true;
    const retriable = (current as { retriable?: unknown }).retriable;
    if (typeof retriable === "boolean") decided = retriable;
    current = (current as { cause?: unknown }).cause;
  }
  return decided ?? true;
}

/**
 * Why a publish Kafka did not take is refused. A transient failure asks the client to send again; a
 * permanent one (a message too large, a topic it may not write, a record the broker rejects) says
 * that sending again would fail the same way.
 */
export function refusalOf(error: unknown): AppError {
  const reason = messageOf(error);
  return isRetriableKafkaError(error)
    ? new AppError("unavailable", `Kafka did not take the events (${reason}); send them again.`)
    : new AppError("internal", `Kafka refused the events for good (${reason}); sending them again would fail the same way.`);
}
