import { expect, test } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import type { PlayerClientToServerEvents, PlayerServerToClientEvents, QualityCommand } from "@/core/live/live-protocol";

type PlayerSocket = Socket<PlayerServerToClientEvents, PlayerClientToServerEvents>;

function connectPlayer(baseURL: string, auth: Record<string, unknown>): PlayerSocket {
  return io(`${baseURL}/player`, { auth, transports: ["websocket"], reconnection: false });
}

function waitForConnect(socket: PlayerSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}

const lowBufferEvent = (sessionId: string) => ({
  event_id: `${sessionId}-low-buffer-${Date.now()}`,
  user_id: "u-e2e",
  device_id: "d-e2e",
  session_id: sessionId,
  event_type: "buffer",
  timestamp: Date.now(),
  quality: "1080p",
  location: "Pune",
  content_id: "ipl-final",
  bitrate: 12000,
  buffer_health: 1.2,
  network_type: "WiFi",
});

test("a player receives its own change_quality command after a low-buffer event, and no one else's", async ({ baseURL, request }) => {
  const mine = connectPlayer(baseURL!, { sessionId: "e2e-player-a" });
  const other = connectPlayer(baseURL!, { sessionId: "e2e-player-b" });
  try {
    await Promise.all([waitForConnect(mine), waitForConnect(other)]);
    const received: QualityCommand[] = [];
    const leaked: QualityCommand[] = [];
    mine.on("change_quality", (command) => received.push(command));
    other.on("change_quality", (command) => leaked.push(command));

    const before = Date.now();
    const response = await request.post("/api/events", { data: [lowBufferEvent("e2e-player-a")] });
    expect(response.status()).toBe(202);

    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toMatchObject({ sessionId: "e2e-player-a", from: "1080p", to: "720p", reason: "buffer_health" });
    expect(received[0]!.at).toBeGreaterThanOrEqual(before);
    // The other player's room stays silent: give a stray command time to arrive before checking.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(leaked).toEqual([]);
  } finally {
    mine.disconnect();
    other.disconnect();
  }
});

test("a player without a session id is refused with the reason", async ({ baseURL }) => {
  const socket = connectPlayer(baseURL!, {});
  try {
    const error = await new Promise<Error>((resolve) => socket.once("connect_error", resolve));
    expect(error.message).toBe("player handshake refused: sessionId is required");
  } finally {
    socket.disconnect();
  }
});
