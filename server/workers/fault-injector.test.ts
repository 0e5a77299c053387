import { describe, expect, it } from "vitest";
import { FaultInjector, InjectedFault, faultRequestSchema } from "./fault-injector";

const T0 = 1_764_000_000_000;
const always = () => 0;
const never = () => 0.999_999;

describe("FaultInjector", () => {
  it("does nothing without faults", () => {
    expect(() => new FaultInjector(always).check("processor", "pune", T0)).not.toThrow();
  });

  it("throws the drill's message in its component while it lasts, and counts each throw", () => {
    const faults = new FaultInjector(always);
    faults.add({ component: "processor", errorMessage: "network timeout", rate: 1, durationSeconds: 10 }, T0);
    expect(() => faults.check("processor", "pune", T0 + 9_999)).toThrow(new InjectedFault("network timeout", "processor"));
    expect(() => faults.check("store", "pune", T0)).not.toThrow();
    expect(() => faults.check("processor", "pune", T0 + 10_000)).not.toThrow();
    expect(faults.list(T0 + 9_999).map((f) => f.injected)).toEqual([1]);
    expect(faults.list(T0 + 10_000)).toEqual([]);
  });

  it("fails only the fault's region when one is given", () => {
    const faults = new FaultInjector(always);
    faults.add({ component: "store", region: "delhi", errorMessage: "redis down", rate: 1, durationSeconds: 60 }, T0);
    expect(() => faults.check("store", "pune", T0)).not.toThrow();
    expect(() => faults.check("store", "delhi", T0)).toThrow("redis down");
  });

  it("throws at its rate: a draw at or above the rate passes", () => {
    const faults = new FaultInjector(never);
    faults.add({ component: "processor", errorMessage: "x", rate: 0.5, durationSeconds: 60 }, T0);
    expect(() => faults.check("processor", "pune", T0)).not.toThrow();
  });

  it("fails only events whose id starts with its eventIdPrefix, so a poison event can be drilled alone", () => {
    const faults = new FaultInjector(always);
    faults.add({ component: "processor", region: "pune", errorMessage: "poison", rate: 1, durationSeconds: 60, eventIdPrefix: "bad-" }, T0);
    expect(() => faults.check("processor", "pune", T0, "bad-1")).toThrow("poison");
    expect(() => faults.check("processor", "pune", T0, "good-1")).not.toThrow();
    expect(() => faults.check("processor", "pune", T0)).not.toThrow();
  });

  it("ends every fault on clear and says how many", () => {
    const faults = new FaultInjector(always);
    faults.add({ component: "processor", errorMessage: "a", rate: 1, durationSeconds: 60 }, T0);
    faults.add({ component: "commands", errorMessage: "b", rate: 1, durationSeconds: 60 }, T0);
    expect(faults.clear(T0 + 1)).toBe(2);
    expect(faults.list(T0 + 1)).toEqual([]);
  });
});

describe("faultRequestSchema", () => {
  it.each([
    [
      { component: "kafka", errorMessage: "x", rate: 1, durationSeconds: 1 },
      "component must be one of processor, store, commands, history",
    ],
    [{ component: "store", errorMessage: "", rate: 1, durationSeconds: 1 }, "errorMessage must not be empty"],
    [{ component: "store", errorMessage: "x", rate: 1.5, durationSeconds: 1 }, "rate must be from 0 to 1"],
    [{ component: "store", errorMessage: "x", rate: 1, durationSeconds: 0 }, "durationSeconds must be 1 to 3600"],
    [
      { component: "store", region: "chennai", errorMessage: "x", rate: 1, durationSeconds: 1 },
      "region must be one of mumbai, delhi, bangalore, hyderabad, pune, kolkata",
    ],
  ])("refuses %j: %s", (input, message) => {
    const parsed = faultRequestSchema.safeParse(input);
    expect(parsed.success ? null : parsed.error.issues[0]!.message).toBe(message);
  });
});
