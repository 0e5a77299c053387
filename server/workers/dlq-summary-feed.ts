import type { DlqSummary } from "@/core/dlq/dlq-api";
import { once } from "../once";

export interface DlqSummaryFeedOptions {
  read: () => Promise<DlqSummary>;
  publish: (summary: DlqSummary) => void;
  /** Changes within this long are pushed as one summary. */
  coalesceMs: number;
  onError: (error: unknown) => void;
}

/**
 * Pushes the dead-letter counters after the table changes. A burst of dead letters (a failing
 * region) would otherwise count the table once per write; changes within `coalesceMs` share one read.
 */
export class DlqSummaryFeed {
  private timer: NodeJS.Timeout | null = null;
  private reading: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly options: DlqSummaryFeedOptions) {}

  markChanged(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.reading = this.options
        .read()
        .then(this.options.publish, this.options.onError)
        .finally(() => (this.reading = null));
    }, this.options.coalesceMs);
  }

  /** Pushes nothing more and waits for a summary on its way; a second call waits for the first. */
  readonly close = once(async () => {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.reading;
  });
}
