import { z } from "zod";
import type { Snapshot } from "./snapshot";

/** Payload of `request_snapshot`: nothing today, but still a validated object so bad clients get a reason. */
export const requestSnapshotSchema = z.object({}).strict();

export type Ack<T> = (response: { ok: true; data: T } | { ok: false; error: string }) => void;

/** Events the server pushes to dashboards on the default namespace. */
export interface BoardServerToClientEvents {
  /** The live state, broadcast at least once a second. */
  snapshot: (snapshot: Snapshot) => void;
}

/** Events a dashboard may send; every payload is validated on the server. */
export interface BoardClientToServerEvents {
  /** Asks for the current snapshot at once (after a connect or reconnect) instead of waiting for the next tick. */
  request_snapshot: (payload: z.input<typeof requestSnapshotSchema>, ack: Ack<Snapshot>) => void;
}
