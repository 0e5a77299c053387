#!/bin/sh
# Prisma's CLI insists on a schema engine binary it cannot download here; `prisma generate` never
# runs it, so a stub that refuses every command is enough. Migrations are applied by server/db/migrate.ts.
echo "schema engine unavailable: migrations are applied by server/db/migrate.ts" >&2
exit 1
