-- CreateTable
CREATE TABLE "silences" (
    "id" UUID NOT NULL,
    "rule_id" UUID,
    "region" TEXT,
    "reason" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "silences_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "silences_ends_at_idx" ON "silences"("ends_at");
