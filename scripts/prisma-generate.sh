#!/bin/sh
# Generates the Prisma client into server/db/generated (gitignored). The stub stands in for the
# schema engine binary Prisma would otherwise try to download; `generate` never runs it.
set -e
cd "$(dirname "$0")/.."
PRISMA_SCHEMA_ENGINE_BINARY="$PWD/scripts/prisma-engine-stub.sh" PRISMA_HIDE_UPDATE_MESSAGE=1 \
  npx --no-install prisma generate >/dev/null
