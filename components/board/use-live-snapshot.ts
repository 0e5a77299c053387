"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { dlqSummarySchema, type DlqSummary } from "@/core/dlq/dlq-api";
import {
  alertsUpdateSchema,
  type AlertsUpdate,
  type BoardClientToServerEvents,
  type BoardServerToClientEvents,
} from "@/core/live/live-protocol";
import { snapshotSchema, type Snapshot } from "@/core/metrics/snapshot";
import { describeIssue } from "@/components/ui/api-client";

export type LiveState = "connecting" | "live" | "reconnecting";

type BoardSocket = Socket<BoardServerToClientEvents, BoardClientToServerEvents>;

const REQUEST_SNAPSHOT_TIMEOUT_MS = 5000;

export interface LiveSnapshotHandlers {
  onSnapshot: (snapshot: Snapshot) => void;
  /** Alerts pushed between snapshots, the moment one changes. */
  onAlerts: (update: AlertsUpdate) => void;
  /** The dead-letter counters, pushed when entries are added, replayed or resolved. */
  onDlqSummary: (summary: DlqSummary) => void;
  /** Called on every connect after the first, when the board may have missed data. */
  onReconnect: () => void;
}

export interface LiveSnapshotStatus {
  state: LiveState;
  /** Why the last socket message could not be used; null when the last one was fine. */
  problem: string | null;
  /** When the socket last connected or delivered a snapshot (epoch ms); REST answers do not count, so a quiet socket shows. */
  receivedAt: number | null;
}

/** Subscribes to the server's `snapshot` broadcast and asks for one at once on every (re)connect. */
export function useLiveSnapshot({ onSnapshot, onAlerts, onDlqSummary, onReconnect }: LiveSnapshotHandlers): LiveSnapshotStatus {
  const [state, setState] = useState<LiveState>("connecting");
  const [problem, setProblem] = useState<string | null>(null);
  const [receivedAt, setReceivedAt] = useState<number | null>(null);

  const receiveSnapshot = useEffectEvent((payload: unknown) => {
    const parsed = snapshotSchema.safeParse(payload);
    if (!parsed.success) {
      setProblem(`a malformed snapshot was ignored (${describeIssue(parsed.error)})`);
      return;
    }
    setProblem(null);
    setReceivedAt(Date.now());
    onSnapshot(parsed.data);
  });
  const receiveAlerts = useEffectEvent((payload: unknown) => {
    const parsed = alertsUpdateSchema.safeParse(payload);
    if (!parsed.success) {
      setProblem(`a malformed alerts update was ignored (${describeIssue(parsed.error)})`);
      return;
    }
    onAlerts(parsed.data);
  });
  const receiveDlqSummary = useEffectEvent((payload: unknown) => {
    const parsed = dlqSummarySchema.safeParse(payload);
    if (!parsed.success) {
      setProblem(`a malformed dead-letter summary was ignored (${describeIssue(parsed.error)})`);
      return;
    }
    onDlqSummary(parsed.data);
  });
  const reportReconnect = useEffectEvent(() => onReconnect());

  useEffect(() => {
    const socket: BoardSocket = io({
      transports: ["websocket"],
      autoConnect: false,
      reconnection: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 5000,
      timeout: 8000,
    });
    let connectedBefore = false;

    socket.on("connect", () => {
      setState("live");
      setReceivedAt(Date.now());
      if (connectedBefore) reportReconnect();
      connectedBefore = true;
      socket.timeout(REQUEST_SNAPSHOT_TIMEOUT_MS).emit("request_snapshot", {}, (error, response) => {
        // A timed-out request is harmless: the next broadcast arrives within a second.
        if (error) return;
        if (response.ok) receiveSnapshot(response.data);
        else setProblem(`the server refused request_snapshot (${response.error})`);
      });
    });
    socket.on("snapshot", (payload) => receiveSnapshot(payload));
    socket.on("alerts", (payload) => receiveAlerts(payload));
    socket.on("dlq_summary", (payload) => receiveDlqSummary(payload));
    socket.on("disconnect", (reason) => {
      setState("reconnecting");
      // The client does not retry by itself after a server-side disconnect.
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on("connect_error", () => setState("reconnecting"));

    // Strict Mode mounts effects twice in development; deferring the connect avoids opening a socket only to drop it.
    const connectTimer = setTimeout(() => socket.connect(), 0);

    return () => {
      clearTimeout(connectTimer);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, []);

  return { state, problem, receivedAt };
}
