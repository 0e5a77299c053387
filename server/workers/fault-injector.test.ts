import { describe, expect, it } from "vitest";
import type { DrillRequest } from "@/core/drills/drill-api";
import { createRunningDrill } from "@/core/drills/drills";
import { FaultInjector, InjectedFault } from "./fault-injector";

const T0 = 1_764_000_000_000;
const always = () => 0;
const never = () => 0.999_999;
let made = 0;
const drill = (request: DrillRequest, now = T0) => createRunningDrill(request, `drill-${++made}`, now, "olga");

describe("FaultInjector", () => {
  it("does nothing without drills", () => {
    expect(() => new FaultInjector(always).check("processor", "pune", T0)).not.toThrow();
  });

  it("throws the drill's message in its component while it lasts, and counts each throw", () => {
    const faults = new FaultInjector(always);
    expect(faults.add(drill({ component: "processor", errorMessage: "network timeout", rate: 1, durationSeconds: 10 }), T0)).toBe(true);
    expect(() => faults.check("processor", "pune", T0 + 9_999)).toThrow(new InjectedFault("network timeout", "processor"));
    expect(() => faults.check("store", "pune", T0)).not.toThrow();
    expect(() => faults.check("processor", "pune", T0 + 10_000)).not.toThrow();
    expect(faults.list(T0 + 9_999).map((f) => [f.injected, f.startedBy])).toEqual([[1, "olga"]]);
    expect(faults.list(T0 + 10_000)).toEqual([]);
  });

  it("fails only the drill's region when one is given", () => {
    const faults = new FaultInjector(always);
    faults.add(drill({ component: "store", region: "delhi", errorMessage: "redis down", rate: 1, durationSeconds: 60 }), T0);
    expect(() => faults.check("store", "pune", T0)).not.toThrow();
    expect(() => faults.check("store", "delhi", T0)).toThrow("redis down");
  });

  it("throws at its rate: a draw at or above the rate passes", () => {
    const faults = new FaultInjector(never);
    faults.add(drill({ component: "processor", errorMessage: "x", rate: 0.5, durationSeconds: 60 }), T0);
    expect(() => faults.check("processor", "pune", T0)).not.toThrow();
  });

  it("fails only events whose id starts with its eventIdPrefix, so a poison event can be drilled alone", () => {
    const faults = new FaultInjector(always);
    faults.add(
      drill({ component: "processor", region: "pune", errorMessage: "poison", rate: 1, durationSeconds: 60, eventIdPrefix: "bad-" }),
      T0,
    );
    expect(() => faults.check("processor", "pune", T0, "bad-1")).toThrow("poison");
    expect(() => faults.check("processor", "pune", T0, "good-1")).not.toThrow();
    expect(() => faults.check("processor", "pune", T0)).not.toThrow();
  });

  it("ends one drill by id, answering it with its count, and leaves the others running", () => {
    const faults = new FaultInjector(always);
    const a = drill({ component: "processor", errorMessage: "a", rate: 1, durationSeconds: 60 });
    const b = drill({ component: "commands", errorMessage: "b", rate: 1, durationSeconds: 60 });
    faults.add(a, T0);
    faults.add(b, T0);
    expect(() => faults.check("processor", "pune", T0)).toThrow("a");
    expect(faults.end(a.id, T0)).toEqual({ ...a, injected: 1 });
    expect(faults.end(a.id, T0)).toBeNull();
    expect(faults.list(T0 + 1).map((f) => f.id)).toEqual([b.id]);
  });

  it("ends every drill at once and answers them", () => {
    const faults = new FaultInjector(always);
    faults.add(drill({ component: "processor", errorMessage: "a", rate: 1, durationSeconds: 60 }), T0);
    faults.add(drill({ component: "commands", errorMessage: "b", rate: 1, durationSeconds: 60 }), T0);
    expect(faults.endAll(T0).map((f) => f.errorMessage)).toEqual(["a", "b"]);
    expect(faults.list(T0 + 1)).toEqual([]);
    expect(faults.endAll(T0)).toEqual([]);
  });

  it("refuses a drill it runs already, one it ended, and one that is over", () => {
    const faults = new FaultInjector(always);
    const a = drill({ component: "processor", errorMessage: "a", rate: 1, durationSeconds: 60 });
    expect(faults.add(a, T0)).toBe(true);
    expect(faults.add(a, T0)).toBe(false);
    faults.end(a.id, T0);
    expect(faults.add(a, T0 + 1)).toBe(false);
    expect(faults.add(drill({ component: "store", errorMessage: "late", rate: 1, durationSeconds: 5 }), T0 + 5_000)).toBe(false);
    expect(faults.list(T0 + 1)).toEqual([]);
  });

  it("hands over each drill whose time is up exactly once", () => {
    const faults = new FaultInjector(always);
    const short = drill({ component: "processor", errorMessage: "short", rate: 1, durationSeconds: 10 });
    const long = drill({ component: "processor", errorMessage: "long", rate: 1, durationSeconds: 60 });
    faults.add(short, T0);
    faults.add(long, T0);
    expect(faults.takeExpired(T0 + 9_999)).toEqual([]);
    // Past its end it is no longer stopped by hand: it ran out.
    expect(faults.end(short.id, T0 + 10_000)).toBeNull();
    expect(faults.takeExpired(T0 + 10_000)).toEqual([short]);
    expect(faults.takeExpired(T0 + 10_001)).toEqual([]);
    expect(faults.end(short.id, T0 + 10_001)).toBeNull();
    expect(faults.list(T0 + 10_000).map((f) => f.id)).toEqual([long.id]);
  });
});
