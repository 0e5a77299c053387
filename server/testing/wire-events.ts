const CITIES = ["Mumbai", "Delhi", "Bangalore", "Hyderabad", "Pune", "Kolkata", "Jaipur", "Chennai"];

/**
 * `count` valid wire events numbered from `from`, spread over every region by city, with ids
 * unique to `tag` and `sessions` sessions taking turns.
 */
export function makeWireEvents(tag: string, from: number, count: number, sessions = 4000) {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return {
      event_id: `${tag}-${n}`,
      user_id: `u-${n % 997}`,
      device_id: `d-${n % 997}`,
      session_id: `${tag}-s-${n % sessions}`,
      event_type: "play",
      timestamp: Date.now(),
      quality: "720p",
      location: CITIES[n % CITIES.length]!,
      content_id: "ipl-final",
      bitrate: 4000,
      buffer_health: 8,
      network_type: "5G",
    };
  });
}
