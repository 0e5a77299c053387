-- CreateTable
CREATE TABLE "dead_letters" (
    "id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "component" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "retry_count" INTEGER NOT NULL,
    "event" JSONB NOT NULL,
    "first_failed_at" TIMESTAMPTZ(3) NOT NULL,
    "dead_lettered_at" TIMESTAMPTZ(3) NOT NULL,
    "replay_count" INTEGER NOT NULL DEFAULT 0,
    "last_replayed_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "dead_letters_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dead_letters_dead_lettered_at_idx" ON "dead_letters"("dead_lettered_at");

-- CreateIndex
CREATE INDEX "dead_letters_region_dead_lettered_at_idx" ON "dead_letters"("region", "dead_lettered_at");

-- CreateIndex
CREATE INDEX "dead_letters_event_id_idx" ON "dead_letters"("event_id");

-- CreateTable
CREATE TABLE "replay_jobs" (
    "id" UUID NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "selection" JSONB NOT NULL,
    "total" INTEGER NOT NULL,
    "requeued" INTEGER NOT NULL,
    "refused" INTEGER NOT NULL,
    "invalid" INTEGER NOT NULL,
    "outcomes" JSONB NOT NULL,

    CONSTRAINT "replay_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "replay_jobs_requested_at_idx" ON "replay_jobs"("requested_at");
