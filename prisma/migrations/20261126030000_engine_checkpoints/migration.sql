-- CreateTable
CREATE TABLE "engine_checkpoints" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "state" JSONB NOT NULL,

    CONSTRAINT "engine_checkpoints_pkey" PRIMARY KEY ("id")
);
