-- CreateTable
CREATE TABLE "region_rollups" (
    "region" TEXT NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "seconds" DOUBLE PRECISION NOT NULL,
    "events" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "quality_changes" INTEGER NOT NULL,
    "buffer_health_sum" DOUBLE PRECISION NOT NULL,
    "viewers" INTEGER NOT NULL,
    "utilization_percent" DOUBLE PRECISION NOT NULL,
    "p50_ms" DOUBLE PRECISION NOT NULL,
    "p95_ms" DOUBLE PRECISION NOT NULL,
    "p99_ms" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "region_rollups_pkey" PRIMARY KEY ("region","bucket_start")
);

-- CreateIndex
CREATE INDEX "region_rollups_bucket_start_idx" ON "region_rollups"("bucket_start");
