/**
 * A mergeable quantile sketch with bounded relative error (the DDSketch idea): values fall into
 * logarithmic buckets, so any quantile is answered within ±RELATIVE_ACCURACY of a value actually seen.
 * Dense buckets over a fixed range keep `add` allocation-free on the hot path.
 */
export const RELATIVE_ACCURACY = 0.01;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);
/** Values at or below this (ms) count as zero; above MAX they land in the top bucket. */
export const SKETCH_MIN_VALUE = 0.001;
export const SKETCH_MAX_VALUE = 3_600_000;
const MIN_INDEX = Math.ceil(Math.log(SKETCH_MIN_VALUE) / LOG_GAMMA);
const MAX_INDEX = Math.ceil(Math.log(SKETCH_MAX_VALUE) / LOG_GAMMA);
const BUCKETS = MAX_INDEX - MIN_INDEX + 1;

export class QuantileSketch {
  private readonly counts = new Float64Array(BUCKETS);
  private zeroCount = 0;
  private total = 0;
  private minSeen = Number.POSITIVE_INFINITY;
  private maxSeen = Number.NEGATIVE_INFINITY;

  /** Adds `value` `count` times; negative and non-finite values are ignored (a clock skew is not a latency). */
  add(value: number, count = 1): void {
    if (!(value >= 0) || !Number.isFinite(value) || count <= 0) return;
    this.total += count;
    if (value < this.minSeen) this.minSeen = value;
    if (value > this.maxSeen) this.maxSeen = value;
    if (value <= SKETCH_MIN_VALUE) {
      this.zeroCount += count;
      return;
    }
    const index = Math.min(MAX_INDEX, Math.ceil(Math.log(value) / LOG_GAMMA));
    this.counts[index - MIN_INDEX]! += count;
  }

  /** Folds another sketch into this one; the result answers as if every value had been added here. */
  merge(other: QuantileSketch): void {
    if (other.total === 0) return;
    for (let i = 0; i < BUCKETS; i++) this.counts[i]! += other.counts[i]!;
    this.zeroCount += other.zeroCount;
    this.total += other.total;
    if (other.minSeen < this.minSeen) this.minSeen = other.minSeen;
    if (other.maxSeen > this.maxSeen) this.maxSeen = other.maxSeen;
  }

  get count(): number {
    return this.total;
  }

  /** The q-quantile (0 ≤ q ≤ 1) within the relative accuracy, clamped to the seen range; 0 when empty. */
  quantile(q: number): number {
    if (this.total === 0) return 0;
    const rank = Math.min(Math.max(q, 0), 1) * (this.total - 1);
    let seen = this.zeroCount;
    if (rank < seen) return 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (rank < seen) {
        const estimate = (2 * Math.pow(GAMMA, i + MIN_INDEX)) / (GAMMA + 1);
        return Math.min(Math.max(estimate, this.minSeen), this.maxSeen);
      }
    }
    return this.maxSeen;
  }

  reset(): void {
    this.counts.fill(0);
    this.zeroCount = 0;
    this.total = 0;
    this.minSeen = Number.POSITIVE_INFINITY;
    this.maxSeen = Number.NEGATIVE_INFINITY;
  }
}
