-- AlterTable
ALTER TABLE "License" ADD COLUMN     "importSource" TEXT,
ADD COLUMN     "importSourceId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "License_importSource_importSourceId_key" ON "License"("importSource", "importSourceId");
