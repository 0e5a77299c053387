#!/usr/bin/env bash
# Every test of the project: type check, lint, format check, dependency rules, unit + integration
# (Vitest), end-to-end (Playwright in Debian's Chromium against the production build). Ends with one
# line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
# One stream, so the closing count is really the last line.
exec 2>&1
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
mkdir -p test-results
rm -f test-results/vitest.json test-results/playwright.json
passed=0
failed=0

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is missing: run 'sudo apt-get install -y chromium'" >&2
  fi
fi

echo "== type check"
if npx --no-install tsc --noEmit -p .; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== lint"
if npx --no-install eslint .; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== format check"
if npx --no-install prettier --check --log-level warn .; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== dependency rules"
if npx --no-install depcruise .; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== build"
if ! npm run --silent build; then
  echo "build failed: integration and browser tests cannot run" >&2
  echo "$passed passed, $((failed + 1)) failed"
  exit 1
fi

echo "== unit and integration tests"
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
echo "== browser tests"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx --no-install playwright test

counts=$(node scripts/count-results.mjs)
read -r suite_passed suite_failed <<<"$counts"
passed=$((passed + suite_passed))
failed=$((failed + suite_failed))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
