-- CreateTable
CREATE TABLE "region_changes" (
    "id" BIGSERIAL NOT NULL,
    "region" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "region_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "region_changes_at_idx" ON "region_changes"("at");

-- CreateIndex
CREATE INDEX "region_changes_region_at_idx" ON "region_changes"("region", "at");
