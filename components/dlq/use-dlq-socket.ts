"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { dlqSummarySchema, replayJobProgressSchema, type DlqSummary, type ReplayJobProgress } from "@/core/dlq/dlq-api";
import type { BoardClientToServerEvents, BoardServerToClientEvents } from "@/core/live/live-protocol";

interface DlqSocketHandlers {
  onSummary: (summary: DlqSummary) => void;
  onReplayJob: (job: ReplayJobProgress) => void;
}

/** The DLQ page's share of the dashboards' socket: counters and replay progress as they change. Answers whether it is connected. */
export function useDlqSocket({ onSummary, onReplayJob }: DlqSocketHandlers): boolean {
  const [connected, setConnected] = useState(false);
  const receiveSummary = useEffectEvent((payload: unknown) => {
    const parsed = dlqSummarySchema.safeParse(payload);
    if (parsed.success) onSummary(parsed.data);
  });
  const receiveJob = useEffectEvent((payload: unknown) => {
    const parsed = replayJobProgressSchema.safeParse(payload);
    if (parsed.success) onReplayJob(parsed.data);
  });

  useEffect(() => {
    const socket: Socket<BoardServerToClientEvents, BoardClientToServerEvents> = io({ transports: ["websocket"], autoConnect: false });
    socket.on("connect", () => setConnected(true));
    socket.on("disconnect", () => setConnected(false));
    socket.on("dlq_summary", (payload) => receiveSummary(payload));
    socket.on("replay_job", (payload) => receiveJob(payload));
    // Strict Mode mounts effects twice in development; deferring the connect avoids opening a socket only to drop it.
    const timer = setTimeout(() => socket.connect(), 0);
    return () => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, []);

  return connected;
}
