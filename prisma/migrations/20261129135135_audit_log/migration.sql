-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_OUT', 'SESSION_REVOKED', 'PASSWORD_CHANGED', 'API_TOKEN_CREATED', 'API_TOKEN_REVOKED', 'WEBHOOK_CREATED', 'WEBHOOK_UPDATED', 'WEBHOOK_SECRET_ROTATED', 'WEBHOOK_DELETED', 'WEBHOOK_DISABLED', 'MEMBER_ROLE_CHANGED', 'MEMBER_REMOVED', 'MEMBER_LEFT', 'MEMBER_JOINED', 'INVITATION_CREATED', 'INVITATION_REVOKED', 'INVITATION_ACCEPTED', 'WORKSPACE_UPDATED', 'WORKSPACE_DELETED', 'PROJECT_DELETED');

-- CreateEnum
CREATE TYPE "AuditTargetType" AS ENUM ('ACCOUNT', 'SESSION', 'API_TOKEN', 'WEBHOOK', 'MEMBERSHIP', 'INVITATION', 'WORKSPACE', 'PROJECT');

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" UUID NOT NULL,
    "action" "AuditAction" NOT NULL,
    "workspaceId" UUID,
    "accountId" UUID,
    "actorId" UUID,
    "sessionId" UUID,
    "apiTokenId" UUID,
    "targetType" "AuditTargetType" NOT NULL,
    "targetId" UUID,
    "targetLabel" TEXT,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_workspaceId_createdAt_id_idx" ON "AuditEntry"("workspaceId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_accountId_createdAt_id_idx" ON "AuditEntry"("accountId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- Audit entries are append-only (HOOK-1.4): the database refuses every UPDATE and TRUNCATE, and every DELETE
-- unless the transaction set yello.audit_retention to on, which only the retention job does, locally to its
-- transaction (HOOK-3.1). schema.prisma cannot express a trigger, and the Prisma diff leaves it alone.
-- The function body is an escaped string whose semicolons are written as \073 octal escapes: adapter-pg runs a
-- migration split on every semicolon, which would cut a dollar-quoted body apart.
-- (No semicolons or quotes in these comments, for the same reason.)
CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = \'DELETE\' AND current_setting(\'yello.audit_retention\', true) = \'on\' THEN
    RETURN OLD\073
  END IF\073
  RAISE EXCEPTION \'Audit entries are append-only: % refused\', TG_OP
    USING HINT = \'Only the retention job deletes audit entries.\'\073
END
';

CREATE TRIGGER "AuditEntry_append_only" BEFORE UPDATE OR DELETE ON "AuditEntry"
    FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"();

CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"();
