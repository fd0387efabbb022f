-- CreateEnum
CREATE TYPE "WorkspaceEventKind" AS ENUM ('TASK_CREATED', 'TASK_UPDATED', 'TASK_MOVED', 'TASK_DELETED', 'COMMENT_ADDED', 'COMMENT_EDITED', 'COMMENT_DELETED', 'LABEL_CREATED', 'LABEL_UPDATED', 'LABEL_DELETED', 'PROJECT_CREATED', 'PROJECT_UPDATED', 'PROJECT_DELETED', 'STATE_CREATED', 'STATE_UPDATED', 'STATE_DELETED', 'MEMBER_JOINED', 'MEMBER_ROLE_CHANGED', 'MEMBER_REMOVED', 'WORKSPACE_UPDATED');

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Label" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "WorkflowState" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "WorkspaceEvent" (
    "workspaceId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" "WorkspaceEventKind" NOT NULL,
    "actorId" UUID,
    "entityId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkspaceEvent_pkey" PRIMARY KEY ("workspaceId","sequence")
);

-- CreateTable
CREATE TABLE "WorkspaceEventCounter" (
    "workspaceId" UUID NOT NULL,
    "lastSequence" INTEGER NOT NULL,

    CONSTRAINT "WorkspaceEventCounter_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "WorkspaceEvent_occurredAt_idx" ON "WorkspaceEvent"("occurredAt");
