-- AlterTable
ALTER TABLE "alerts" ADD COLUMN     "peak_value" DOUBLE PRECISION,
ADD COLUMN     "peak_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "alert_transitions" ADD COLUMN     "channel" TEXT;

-- Earlier delivery records name their channel only in the note ("fired via slack: …"); a silenced notice names none.
UPDATE "alert_transitions" SET "channel" = substring("note" from ' via ([a-z]+)')
WHERE "kind" IN ('delivered', 'delivery_failed', 'delivery_skipped') AND "note" ~ '^[a-z]+ via [a-z]+';

-- CreateIndex
CREATE INDEX "alert_transitions_channel_at_idx" ON "alert_transitions"("channel", "at");
