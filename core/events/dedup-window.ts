/**
 * Remembers event ids for at least `windowMs` so a redelivered or resent
 * event is counted once. Ids are kept as 52-bit hashes in two rotating open-addressing tables of
 * doubles: about 11–21 bytes an id, and a false "seen before" about once in 10^10 lookups at 10^6 ids.
 */
export class DedupWindow {
  private current: Float64Array;
  private previous: Float64Array;
  private currentSize = 0;
  private previousSize = 0;
  private rotatedAt: number;

  constructor(
    private readonly windowMs: number,
    now: number,
    initialCapacity = 1 << 16,
  ) {
    const capacity = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.current = new Float64Array(capacity);
    this.previous = new Float64Array(capacity);
    this.rotatedAt = now;
  }

  /** True the first time `id` is seen within the window (and remembers it); false for a repeat. */
  firstSighting(id: string, now: number): boolean {
    if (now - this.rotatedAt >= this.windowMs) this.rotate(now);
    const key = hashId(id);
    if (contains(this.previous, key) || contains(this.current, key)) return false;
    // Linear probing stays short up to three-quarters full.
    if ((this.currentSize + 1) * 4 > this.current.length * 3) this.current = grow(this.current);
    insert(this.current, key);
    this.currentSize++;
    return true;
  }

  /** Ids remembered now, for health and memory readings. */
  get size(): number {
    return this.currentSize + this.previousSize;
  }

  /** The current generation becomes the previous one; an id therefore lives at least one full window. */
  private rotate(now: number): void {
    const recycled = this.previous;
    recycled.fill(0);
    this.previous = this.current;
    this.previousSize = this.currentSize;
    this.current = recycled;
    this.currentSize = 0;
    this.rotatedAt = now;
  }
}

/** FNV-1a twice with different offsets, folded into 52 bits (exact in a double), never 0 (the empty slot). */
function hashId(id: string): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff) + 1;
}

function contains(table: Float64Array, key: number): boolean {
  const mask = table.length - 1;
  for (let slot = key & mask; ; slot = (slot + 1) & mask) {
    const value = table[slot]!;
    if (value === 0) return false;
    if (value === key) return true;
  }
}

function insert(table: Float64Array, key: number): void {
  const mask = table.length - 1;
  let slot = key & mask;
  while (table[slot] !== 0) slot = (slot + 1) & mask;
  table[slot] = key;
}

function grow(table: Float64Array): Float64Array {
  const bigger = new Float64Array(table.length * 2);
  for (const key of table) if (key !== 0) insert(bigger, key);
  return bigger;
}
