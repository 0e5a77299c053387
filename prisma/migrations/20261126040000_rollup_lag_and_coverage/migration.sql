-- AlterTable
ALTER TABLE "region_rollups" ADD COLUMN     "covered_from" TIMESTAMPTZ(3),
ADD COLUMN     "covered_to" TIMESTAMPTZ(3),
ADD COLUMN     "lag_messages" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lag_seconds" DOUBLE PRECISION NOT NULL DEFAULT 0;
