import { describe, expect, it } from "vitest";
import { neutraliseCsvFormula, quoteCsvField } from "./csv-field";

describe("neutraliseCsvFormula", () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ["+91 plan", "'+91 plan"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
  ])("prefixes %j with a single quote", (text, expected) => {
    expect(neutraliseCsvFormula(text)).toBe(expected);
  });

  it.each(["Startup on two regions", "", " =1", "a=b", "'quoted", "₹2L plan"])("leaves %j as it is", (text) => {
    expect(neutraliseCsvFormula(text)).toBe(text);
  });
});

describe("quoteCsvField", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['Delhi, "lean"', '"Delhi, ""lean"""'],
    ["two\nlines", '"two\nlines"'],
    ["'\r=1", '"\'\r=1"'],
  ])("writes %j as %j", (field, expected) => {
    expect(quoteCsvField(field)).toBe(expected);
  });
});
