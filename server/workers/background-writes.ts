/** Writes started without waiting for them; readers and shutdown `settle()` to see them all done. */
export class BackgroundWrites {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly onError: (what: string, error: unknown) => void) {}

  /** Starts tracking a write; its failure is reported, never thrown. */
  track(what: string, write: Promise<void>): void {
    const tracked = write.catch((error: unknown) => this.onError(what, error));
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  async settle(): Promise<void> {
    await Promise.all(this.inFlight);
  }
}
