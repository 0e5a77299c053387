import { describe, expect, it } from "vitest";
import { describeFieldPath } from "./field-labels";

const regions = ["mumbai", "bangalore"];
const regionAt = (index: number) => regions[index];

describe("describeFieldPath", () => {
  it.each([
    ["regions.0.storageGb", "Mumbai · Storage GB"],
    ["regions.1.fleet.min", "Bangalore · Min instances"],
    ["regions.1.rates.networkPerGb", "Bangalore · Network ₹/GB"],
    ["regions.0", "Mumbai"],
    ["regions.5.partitions", "Region 6 · Kafka partitions"],
    ["trafficPattern.3", "Traffic pattern · 03:00"],
    ["trafficPattern", "Traffic pattern"],
    ["budgetInr", "Monthly budget"],
    ["somethingNew", "somethingNew"],
  ])("reads %s as %s", (path, label) => {
    expect(describeFieldPath(path, regionAt)).toBe(label);
  });
});
