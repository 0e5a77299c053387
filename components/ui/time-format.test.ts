import { describe, expect, it } from "vitest";
import {
  describeTimeZone,
  formatClockMinute,
  formatClockTime,
  formatDateInput,
  formatDay,
  formatDayMinute,
  formatDayTime,
  formatZonedClockTime,
  formatZonedDayTime,
  findZoneOffset,
  IST_TIME_ZONE,
  parseDateInput,
  resolveTimeZone,
} from "./time-format";

// 2026-11-26 15:34:05.250 UTC: 21:04:05 in India (UTC+5:30), 10:34:05 in New York (EST, UTC-5).
const AT = Date.UTC(2026, 10, 26, 15, 34, 5, 250);
const NEW_YORK = "America/New_York";

describe("the time base", () => {
  it("is India's zone for IST and the browser's own zone for local", () => {
    expect(resolveTimeZone("ist", NEW_YORK)).toBe(IST_TIME_ZONE);
    expect(resolveTimeZone("local", NEW_YORK)).toBe(NEW_YORK);
    expect(resolveTimeZone("local", IST_TIME_ZONE)).toBe(IST_TIME_ZONE);
  });

  it("labels a zone with its short name at the instant, daylight saving included", () => {
    expect(describeTimeZone(IST_TIME_ZONE, AT)).toBe("IST");
    expect(describeTimeZone(NEW_YORK, AT)).toBe("EST");
    expect(describeTimeZone(NEW_YORK, Date.UTC(2026, 6, 1))).toBe("EDT");
    expect(describeTimeZone("UTC", AT)).toBe("UTC");
    expect(describeTimeZone("Europe/Berlin", AT)).toBe("GMT+1");
  });
});

describe("formatting an instant in a zone", () => {
  it("writes the clock, 24-hour, in the zone given", () => {
    expect(formatClockTime(AT, IST_TIME_ZONE)).toBe("21:04:05");
    expect(formatClockTime(AT, NEW_YORK)).toBe("10:34:05");
    expect(formatClockTime(AT, "UTC")).toBe("15:34:05");
    expect(formatClockMinute(AT, IST_TIME_ZONE)).toBe("21:04");
  });

  it("names the zone after a time that stands in a sentence", () => {
    expect(formatZonedClockTime(AT, { timeZone: IST_TIME_ZONE, label: "IST" })).toBe("21:04:05 IST");
    expect(formatZonedClockTime(AT, { timeZone: NEW_YORK, label: "EST" })).toBe("10:34:05 EST");
    expect(formatZonedDayTime(AT, { timeZone: IST_TIME_ZONE, label: "IST" })).toBe("26 Nov 21:04:05 IST");
  });

  it("writes midnight as 00, never 24", () => {
    const midnightIst = Date.UTC(2026, 10, 26, 18, 30, 0);
    expect(formatClockTime(midnightIst, IST_TIME_ZONE)).toBe("00:00:00");
    expect(formatDay(midnightIst, IST_TIME_ZONE)).toBe("27 Nov");
    expect(formatDay(midnightIst, NEW_YORK)).toBe("26 Nov");
  });

  it("shows the day with the time, the zone deciding which day it is", () => {
    expect(formatDayTime(AT, IST_TIME_ZONE)).toBe("26 Nov 21:04:05");
    expect(formatDayMinute(AT, IST_TIME_ZONE)).toBe("26 Nov 21:04");
    const lateEvening = Date.UTC(2026, 0, 2, 20, 15, 0);
    expect(formatDayTime(lateEvening, IST_TIME_ZONE)).toBe("3 Jan 01:45:00");
    expect(formatDayTime(lateEvening, NEW_YORK)).toBe("2 Jan 15:15:00");
  });

  it("shows a dash for an instant it cannot show", () => {
    expect(formatClockTime(Number.NaN, IST_TIME_ZONE)).toBe("—");
    expect(formatDayTime(Number.POSITIVE_INFINITY, IST_TIME_ZONE)).toBe("—");
    expect(formatClockMinute(9e15, IST_TIME_ZONE)).toBe("—");
  });
});

describe("a zone's offset from UTC", () => {
  it("is +5:30 in India all year and follows daylight saving elsewhere", () => {
    expect(findZoneOffset(AT, IST_TIME_ZONE)).toBe(330 * 60_000);
    expect(findZoneOffset(Date.UTC(2026, 6, 1), IST_TIME_ZONE)).toBe(330 * 60_000);
    expect(findZoneOffset(AT, NEW_YORK)).toBe(-5 * 3_600_000);
    expect(findZoneOffset(Date.UTC(2026, 6, 1), NEW_YORK)).toBe(-4 * 3_600_000);
  });
});

describe("datetime-local inputs in the time base", () => {
  it("writes an instant as the zone's wall clock, to the minute", () => {
    expect(formatDateInput(AT, IST_TIME_ZONE)).toBe("2026-11-26T21:04");
    expect(formatDateInput(AT, NEW_YORK)).toBe("2026-11-26T10:34");
    expect(formatDateInput(null, IST_TIME_ZONE)).toBe("");
  });

  it("reads a wall-clock time in the zone back to the instant", () => {
    expect(parseDateInput("2026-11-26T21:04", IST_TIME_ZONE)).toBe(Date.UTC(2026, 10, 26, 15, 34));
    expect(parseDateInput("2026-11-26T10:34", NEW_YORK)).toBe(Date.UTC(2026, 10, 26, 15, 34));
    expect(parseDateInput("2026-11-26T10:34:05", NEW_YORK)).toBe(Date.UTC(2026, 10, 26, 15, 34, 5));
  });

  it("reads times either side of a daylight-saving change with the offset in force then", () => {
    // New York went to EDT at 2026-03-08 02:00 local.
    expect(parseDateInput("2026-03-08T01:30", NEW_YORK)).toBe(Date.UTC(2026, 2, 8, 6, 30));
    expect(parseDateInput("2026-03-08T03:30", NEW_YORK)).toBe(Date.UTC(2026, 2, 8, 7, 30));
  });

  it("treats blank or impossible values as no bound", () => {
    expect(parseDateInput("", IST_TIME_ZONE)).toBeNull();
    expect(parseDateInput("yesterday", IST_TIME_ZONE)).toBeNull();
    expect(parseDateInput("2026-02-31T10:00", IST_TIME_ZONE)).toBeNull();
    expect(parseDateInput("2026-13-01T10:00", IST_TIME_ZONE)).toBeNull();
    expect(parseDateInput("2026-11-26T24:00", IST_TIME_ZONE)).toBeNull();
  });

  it("round-trips every minute of a day in both bases", () => {
    const start = Date.UTC(2026, 10, 26, 0, 0);
    for (let minute = 0; minute < 24 * 60; minute += 7) {
      const at = start + minute * 60_000;
      for (const zone of [IST_TIME_ZONE, NEW_YORK]) expect(parseDateInput(formatDateInput(at, zone), zone)).toBe(at);
    }
  });
});
