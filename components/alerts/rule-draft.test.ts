import { describe, expect, it } from "vitest";
import { createRuleDraft, draftFromRule, toRuleInput, validateRuleDraft } from "./rule-draft";

describe("rule drafts", () => {
  it("starts a new rule from the metric's SPEC thresholds", () => {
    expect(createRuleDraft("processing_latency_ms")).toMatchObject({
      metric: "processing_latency_ms",
      direction: "above",
      warning: "200",
      critical: "500",
      region: "",
    });
  });

  it("names every bad field with the server's own reason", () => {
    const draft = { ...createRuleDraft(), name: " ", warning: "", critical: "1", windowSeconds: "5", runbookUrl: "ftp://x" };
    expect(validateRuleDraft(draft)).toEqual({
      name: "must not be empty",
      warning: "must be a number",
      windowSeconds: "must be at least 10 seconds",
      runbookUrl: "must be an http(s) URL",
    });
  });

  it("checks that critical is beyond warning and the clear line on the good side", () => {
    const draft = { ...createRuleDraft(), name: "x", runbookUrl: "https://r.example", warning: "5", critical: "2", clearThreshold: "7" };
    expect(validateRuleDraft(draft)).toEqual({
      critical: "must be at or beyond warning in the bad direction (above)",
      clearThreshold: "must be at or on the good side of warning",
    });
  });

  it("turns a valid draft into the request body and back", () => {
    const draft = {
      ...createRuleDraft(),
      name: "Pune errors",
      region: "pune" as const,
      clearThreshold: "1.5",
      runbookUrl: " https://r.example/pune ",
    };
    expect(validateRuleDraft(draft)).toEqual({});
    const input = toRuleInput(draft);
    expect(input).toEqual({
      name: "Pune errors",
      metric: "error_rate_percent",
      region: "pune",
      direction: "above",
      warning: 2,
      critical: 5,
      clearThreshold: 1.5,
      windowSeconds: 120,
      escalateAfterSeconds: 600,
      channels: ["slack"],
      impact: "MEDIUM",
      runbookUrl: "https://r.example/pune",
      enabled: true,
    });
    expect(draftFromRule({ id: "r", ...input, clearThreshold: 1.5, escalateAfterSeconds: 600, enabled: true } as never)).toEqual({
      ...draft,
      runbookUrl: "https://r.example/pune",
    });
  });
});
