-- CreateTable
CREATE TABLE "cost_scenarios" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "scenario" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cost_scenarios_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cost_scenarios_updated_at_idx" ON "cost_scenarios"("updated_at");
