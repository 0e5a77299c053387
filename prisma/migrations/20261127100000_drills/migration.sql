-- CreateTable
CREATE TABLE "drills" (
    "id" UUID NOT NULL,
    "component" TEXT NOT NULL,
    "region" TEXT,
    "error_message" TEXT NOT NULL,
    "rate" DOUBLE PRECISION NOT NULL,
    "duration_seconds" INTEGER NOT NULL,
    "event_id_prefix" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "started_by" TEXT,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "ended_by" TEXT,
    "injected" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "drills_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "drills_started_at_idx" ON "drills"("started_at");

-- CreateIndex
CREATE INDEX "drills_ends_at_idx" ON "drills"("ends_at");
