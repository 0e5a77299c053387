/**
 * SPEC section 4: failure severity by the error's text, retry backoff, the action each severity
 * takes, and the acceptable error rate per severity.
 */
export const FAILURE_SEVERITIES = ["CATASTROPHIC", "PERSISTENT", "TRANSIENT"] as const;
export type FailureSeverity = (typeof FAILURE_SEVERITIES)[number];

/** Keywords (lower case) that make an error CATASTROPHIC; checked before the persistent ones. */
export const CATASTROPHIC_KEYWORDS: readonly string[] = ["database_corruption", "system_failure", "data_loss"];
/** Keywords (lower case) that make an error PERSISTENT. */
export const PERSISTENT_KEYWORDS: readonly string[] = ["invalid_account", "insufficient_funds", "blocked_user"];

/** SPEC section 4's default retry budget per failure. */
export const DEFAULT_MAX_RETRIES = 3;
/** The backoff cap in seconds. */
export const MAX_BACKOFF_SECONDS = 60;

/** Classifies an error by its text, case-insensitively: catastrophic keywords first, then persistent, else TRANSIENT. */
export function classifyFailure(errorText: string | null | undefined): FailureSeverity {
  const text = (errorText ?? "").toLowerCase();
  if (CATASTROPHIC_KEYWORDS.some((keyword) => text.includes(keyword))) return "CATASTROPHIC";
  if (PERSISTENT_KEYWORDS.some((keyword) => text.includes(keyword))) return "PERSISTENT";
  return "TRANSIENT";
}

/**
 * Backoff before a retry, min(2^retry, 60) s in ms, where `retry` counts the retries already made
 * (0 before the first retry, as the source's retry_count): 0 → 1 s, 5 → 32 s, 6 and beyond → 60 s.
 * Negative or fractional counts are floored and clamped to 0.
 */
export function computeBackoffMs(retry: number): number {
  if (!(retry > 0)) return 1000; // 0, negative or NaN: the first retry's second
  return Math.min(2 ** Math.floor(retry), MAX_BACKOFF_SECONDS) * 1000;
}

export type FailureAction =
  { action: "retry"; delayMs: number } | { action: "alternative_path" } | { action: "restore_checkpoint" } | { action: "dead_letter" };

export interface FailureContext {
  severity: FailureSeverity;
  /** Recovery attempts already made for this failure (of any kind), 0 on the first failure. */
  retryCount: number;
  maxRetries?: number;
}

/**
 * Decides what to do with a failure: once retryCount ≥ maxRetries (default 3) → dead_letter;
 * otherwise TRANSIENT → retry after computeBackoffMs(retryCount), PERSISTENT → alternative_path,
 * CATASTROPHIC → restore_checkpoint.
 */
export function decideFailureAction({ severity, retryCount, maxRetries = DEFAULT_MAX_RETRIES }: FailureContext): FailureAction {
  if (!(retryCount < maxRetries)) return { action: "dead_letter" };
  switch (severity) {
    case "TRANSIENT":
      return { action: "retry", delayMs: computeBackoffMs(retryCount) };
    case "PERSISTENT":
      return { action: "alternative_path" };
    case "CATASTROPHIC":
      return { action: "restore_checkpoint" };
  }
}

/** Acceptable error rate per severity in percent; strictly above alerts (SPEC section 4). */
export const ACCEPTABLE_ERROR_RATE_PERCENT: Readonly<Record<FailureSeverity, number>> = {
  TRANSIENT: 5,
  PERSISTENT: 1,
  CATASTROPHIC: 0.1,
};

/** Whether a measured error rate (percent) for a severity breaches its acceptable limit: strictly above it. */
export function exceedsAcceptableErrorRate(severity: FailureSeverity, ratePercent: number): boolean {
  return ratePercent > ACCEPTABLE_ERROR_RATE_PERCENT[severity];
}
