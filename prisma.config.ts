import { defineConfig } from "prisma/config";

// The datasource URL is only needed by CLI commands that talk to a database; the app passes its
// own driver adapter (PGlite or pg) at runtime.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/signalbox" },
});
