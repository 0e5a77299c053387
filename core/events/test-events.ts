import type { ViewerEvent } from "./events";

/**
 * A valid viewer event for tests: a 720p play on 4G with a healthy buffer; each test names only the
 * fields its assertions are about.
 */
export function buildTestEvent(overrides: Partial<ViewerEvent> = {}): ViewerEvent {
  return {
    eventId: "e",
    userId: "u",
    deviceId: "d",
    sessionId: "s",
    eventType: "play",
    timestamp: 0,
    quality: "720p",
    location: "pune",
    contentId: "c",
    bitrate: 4000,
    bufferHealth: 6,
    networkType: "4G",
    priority: 5,
    ...overrides,
  };
}
