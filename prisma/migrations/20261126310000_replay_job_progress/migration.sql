-- AlterTable
-- requested_by: IF NOT EXISTS because the sign-in branch's 20261126300000_users_sessions_audit adds the
-- same column; merged, that one runs first and this one leaves it as it is.
ALTER TABLE "replay_jobs" ADD COLUMN IF NOT EXISTS "requested_by" TEXT;

-- AlterTable
ALTER TABLE "replay_jobs" ADD COLUMN     "error" TEXT,
ADD COLUMN     "finished_at" TIMESTAMPTZ(3),
ADD COLUMN     "missing" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "processed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "state" TEXT NOT NULL DEFAULT 'done';

-- CreateTable
CREATE TABLE "dead_letter_attempts" (
    "id" BIGSERIAL NOT NULL,
    "dead_letter_id" UUID NOT NULL,
    "job_id" UUID,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "detail" TEXT NOT NULL,
    "severity" TEXT,
    "component" TEXT,
    "retry_count" INTEGER,

    CONSTRAINT "dead_letter_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dead_letter_attempts_dead_letter_id_at_idx" ON "dead_letter_attempts"("dead_letter_id", "at");

-- CreateIndex
CREATE INDEX "dead_letter_attempts_job_id_id_idx" ON "dead_letter_attempts"("job_id", "id");

-- AddForeignKey
ALTER TABLE "dead_letter_attempts" ADD CONSTRAINT "dead_letter_attempts_dead_letter_id_fkey" FOREIGN KEY ("dead_letter_id") REFERENCES "dead_letters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dead_letter_attempts" ADD CONSTRAINT "dead_letter_attempts_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "replay_jobs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Earlier jobs kept their per-entry outcomes in one JSON value: move them to the attempts, then drop it.
-- Finished jobs processed every entry they counted; ids that matched no dead letter have no history.
UPDATE "replay_jobs" SET "processed" = "total", "finished_at" = "requested_at";

INSERT INTO "dead_letter_attempts" ("dead_letter_id", "job_id", "kind", "at", "detail")
SELECT (o->>'id')::uuid, j."id", 'replay_' || (o->>'outcome'), j."requested_at", o->>'reason'
FROM "replay_jobs" j, jsonb_array_elements(j."outcomes") AS o
WHERE o->>'outcome' <> 'missing' AND EXISTS (SELECT 1 FROM "dead_letters" d WHERE d."id"::text = o->>'id');

-- AlterTable
ALTER TABLE "replay_jobs" DROP COLUMN "outcomes";
