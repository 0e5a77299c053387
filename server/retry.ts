import { messageOf } from "./errors";

export interface BackoffOptions {
  /** The first retry's delay. */
  initialMs: number;
  /** No delay grows past this. */
  maxMs: number;
}

/** The delay before retry number `attempt` (0 for the first): initialMs × 2^attempt, capped at maxMs. */
export function backoffDelayMs(attempt: number, { initialMs, maxMs }: BackoffOptions): number {
  return Math.min(initialMs * 2 ** Math.max(0, attempt), maxMs);
}

export interface RetryOptions extends BackoffOptions {
  /** Tries in all, the first included; unbounded when left out. */
  maxAttempts?: number;
  /** A permanent failure is thrown at once instead of being tried again (default: every failure is retried). */
  isRetriable?: (error: unknown) => boolean;
  /** Checked before each wait and each try: once true, the last failure is thrown. */
  isStopped?: () => boolean;
  /** Told of each failure that will be retried, with the delay before the next try. */
  onRetry?: (reason: string, delayMs: number, attempt: number) => void;
  /** Waits `ms`; tests and callers that must cancel the wait pass their own. */
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` until it succeeds, waiting with exponential backoff between tries. A failure that is
 * not retriable, the last allowed try's failure, or any failure once stopped is thrown as it came.
 */
export async function retryWithBackoff<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? sleepFor;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      const outOfTries = options.maxAttempts !== undefined && attempt + 1 >= options.maxAttempts;
      if (outOfTries || options.isStopped?.() || !(options.isRetriable?.(error) ?? true)) throw error;
      const delay = backoffDelayMs(attempt, options);
      options.onRetry?.(messageOf(error), delay, attempt);
      await sleep(delay);
      if (options.isStopped?.()) throw error;
    }
  }
}
