-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'QUEUED' BEFORE 'OUTBOX';

-- AlterTable: existing emails were delivered already; each one's id serves as its key.
ALTER TABLE "Email" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

UPDATE "Email" SET "idempotencyKey" = "id", "attempts" = 1 WHERE "idempotencyKey" IS NULL;

ALTER TABLE "Email" ALTER COLUMN "idempotencyKey" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Email_idempotencyKey_key" ON "Email"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Email_status_nextAttemptAt_idx" ON "Email"("status", "nextAttemptAt");
