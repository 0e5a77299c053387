import { describe, expect, it } from "vitest";
import { EMPTY_FILTER, readFilterQuery, toReplayFilter, writeFilterQuery } from "./dlq-filter-query";

describe("the DLQ filter in the address", () => {
  it("reads every filter the API knows and writes it back the same", () => {
    const query = new URLSearchParams("region=pune&severity=CATASTROPHIC&component=processor&q=timeout&from=1000&to=2000");
    const filter = readFilterQuery(query);
    expect(filter).toEqual({ region: "pune", severity: "CATASTROPHIC", component: "processor", q: "timeout", from: 1000, to: 2000 });
    expect(writeFilterQuery(filter).toString()).toBe(query.toString());
  });

  it("leaves out values the API would refuse instead of sending them", () => {
    expect(readFilterQuery(new URLSearchParams("region=mars&severity=SEVERE&component=kafka&from=yesterday"))).toEqual(EMPTY_FILTER);
  });

  it("writes nothing for an empty filter and a blank search", () => {
    expect(writeFilterQuery({ ...EMPTY_FILTER, q: "   " }).toString()).toBe("");
    expect(toReplayFilter({ ...EMPTY_FILTER, q: "  " })).toEqual({});
  });

  it("turns a filter into a replay's filter body with only what is set", () => {
    expect(toReplayFilter({ ...EMPTY_FILTER, region: "delhi", from: 5 })).toEqual({ region: "delhi", from: 5 });
  });
});
