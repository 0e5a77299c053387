// Sums the Vitest and Playwright JSON reports into "passed failed". A missing report, a test file
// that failed to load, or a Playwright setup error counts as a failure, never as nothing.
import { readFileSync } from "node:fs";

function read(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const vitest = read("test-results/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  failed += vitest.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).length;
} else {
  failed += 1;
}
const playwright = read("test-results/playwright.json");
if (playwright) {
  passed += playwright.stats.expected;
  failed += playwright.stats.unexpected + playwright.stats.flaky + (playwright.errors?.length ?? 0);
} else {
  failed += 1;
}
console.log(`${passed} ${failed}`);
