-- AlterTable
ALTER TABLE "replay_jobs" ADD COLUMN     "heartbeat_at" TIMESTAMPTZ(3);
