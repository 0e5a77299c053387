// ESLint flat config: typescript-eslint's recommended rules everywhere, React's hook rules and Next's
// core-web-vitals rules where React runs (app/, components/). Formatting is Prettier's job, so
// eslint-config-prettier comes last and switches off every rule that would argue with it.
import nextPlugin from "@next/eslint-plugin-next";
import prettierConfig from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

const reactFiles = ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"];

export default defineConfig(
  globalIgnores([
    ".next/",
    "node_modules/",
    "server/db/generated/",
    "test-results/",
    "playwright-report/",
    ".services/",
    ".data/",
    "next-env.d.ts",
  ]),
  tseslint.configs.recommended,
  {
    files: reactFiles,
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: reactFiles,
    plugins: { "@next/next": nextPlugin },
    rules: nextPlugin.configs["core-web-vitals"].rules,
  },
  {
    // The compiler already reports unused bindings (noUnusedLocals); this rule only has to accept
    // the same "_" prefix for the deliberately unused ones, e.g. a field left out by destructuring.
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  prettierConfig,
);
