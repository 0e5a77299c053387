/** Deep equality for the small JSON-shaped props of board widgets, so memoised widgets skip unchanged snapshots. */
export function isStructurallyEqual(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
