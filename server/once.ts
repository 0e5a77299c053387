/** Wraps a cleanup so a second call waits for the first instead of running it again. */
export function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
