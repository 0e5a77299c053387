// Dependency rules for `npm run deps` (dependency-cruiser). Type-only imports count too: a type pulled
// across a boundary ties the two sides together just as a value does.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-stays-in-core",
      comment: "core/ is pure domain rules: it imports only other core/ files and plain libraries (zod), never the app around it.",
      severity: "error",
      from: { path: "^core/" },
      to: { pathNot: ["^core/", "^node_modules/"], dependencyTypesNot: ["core"] },
    },
    {
      name: "core-no-node-builtins",
      comment: "core/ runs anywhere (server, browser, tests), so it uses no node:* module.",
      severity: "error",
      from: { path: "^core/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "core-no-frameworks",
      comment: "core/ runs anywhere (server, browser, tests) without the frameworks and drivers.",
      severity: "error",
      from: { path: "^core/" },
      to: {
        path: "^node_modules/(next|react|react-dom|@prisma/[^/]+|prisma|ioredis|kafkajs|socket\\.io|socket\\.io-client|@socket\\.io/[^/]+)/",
      },
    },
    {
      name: "no-circular",
      comment: "A cycle makes two modules one: neither can be read, tested or moved without the other.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "components-not-server",
      comment: "components/ run in the browser and talk to the server over HTTP and the socket only.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^server/" },
    },
    {
      name: "prisma-only-in-services-and-db",
      comment:
        "server/services/ is the only code that queries the database and server/db/ opens it; others name services' DbClient type. server/testing/ reads schema.prisma for the migrations' test.",
      severity: "error",
      from: { pathNot: "^server/(services|db|testing)/" },
      to: { path: ["^node_modules/@prisma/", "^server/db/generated/"] },
    },
    {
      name: "database-opened-by-bootstrap",
      comment: "server/db/database.ts hands out the Prisma client: only the bootstrap (and the runtime it publishes) hold it.",
      severity: "error",
      from: { pathNot: "^server/(services|db|bootstrap)/|^server/runtime\\.ts$" },
      to: { path: "^server/db/database\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^server/db/generated/"] },
    exclude: { path: ["^\\.next/", "^\\.services/", "^\\.data/", "^test-results/", "^playwright-report/", "^next-env\\.d\\.ts$"] },
    tsPreCompilationDeps: true,
    // Resolves the "@/" alias the way the compiler does.
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
