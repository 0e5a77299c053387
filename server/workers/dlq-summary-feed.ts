import type { DlqSummary } from "@/core/dlq/dlq-api";

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
  private closed = false;

  constructor(private readonly options: DlqSummaryFeedOptions) {}

  markChanged(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.options.read().then(this.options.publish, this.options.onError);
    }, this.options.coalesceMs);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
