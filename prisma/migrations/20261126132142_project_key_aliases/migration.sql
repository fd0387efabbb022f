-- CreateTable
CREATE TABLE "ProjectKeyAlias" (
    "workspaceId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "projectId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectKeyAlias_pkey" PRIMARY KEY ("workspaceId","key")
);

-- CreateIndex
CREATE INDEX "ProjectKeyAlias_projectId_idx" ON "ProjectKeyAlias"("projectId");

-- AddForeignKey
ALTER TABLE "ProjectKeyAlias" ADD CONSTRAINT "ProjectKeyAlias_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectKeyAlias" ADD CONSTRAINT "ProjectKeyAlias_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
