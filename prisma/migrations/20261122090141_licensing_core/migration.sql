-- CreateEnum
CREATE TYPE "SigningKeyStatus" AS ENUM ('ACTIVE', 'RETIRED');

-- AlterTable
ALTER TABLE "License" ADD COLUMN     "batchId" TEXT,
ADD COLUMN     "keyRotatedAt" TIMESTAMP(3),
ADD COLUMN     "suspendedReason" TEXT;

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "heartbeatGraceSec" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reassignmentCooldownSec" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ActivationRelease" (
    "id" TEXT NOT NULL,
    "licenseId" TEXT NOT NULL,
    "activationId" TEXT NOT NULL,
    "releasedBy" TEXT NOT NULL,
    "counts" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivationRelease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LicenseBatch" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LicenseBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SigningKey" (
    "kid" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "privateKeyEnc" TEXT,
    "status" "SigningKeyStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),
    "publishUntil" TIMESTAMP(3),

    CONSTRAINT "SigningKey_pkey" PRIMARY KEY ("kid")
);

-- CreateIndex
CREATE INDEX "ActivationRelease_licenseId_createdAt_idx" ON "ActivationRelease"("licenseId", "createdAt");

-- CreateIndex
CREATE INDEX "License_batchId_idx" ON "License"("batchId");

-- AddForeignKey
ALTER TABLE "License" ADD CONSTRAINT "License_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "LicenseBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivationRelease" ADD CONSTRAINT "ActivationRelease_licenseId_fkey" FOREIGN KEY ("licenseId") REFERENCES "License"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivationRelease" ADD CONSTRAINT "ActivationRelease_activationId_fkey" FOREIGN KEY ("activationId") REFERENCES "Activation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
