-- Label names are unique in a workspace, and workflow state names in a project, regardless of case (PT-5.1,
-- PT-2.3). The services look for a case variant before writing, but two writes at once both find none: these
-- indexes on the lower-cased name refuse the second one (a unique violation, answered CONFLICT). schema.prisma
-- cannot express an index on an expression, and the Prisma diff leaves such indexes alone.
-- (No semicolons or quotes in these comments: the schema engine splits the script on semicolons.)

-- Case variants written before (by such a race) keep their name with a part of their id appended, so that the
-- indexes can be built, the earliest of each name keeps it as it is.
UPDATE "Label" SET "name" = "Label"."name" || ' (' || right("Label"."id"::text, 4) || ')'
FROM (
    SELECT "id", row_number() OVER (PARTITION BY "workspaceId", lower("name") ORDER BY "createdAt", "id") AS "rank"
    FROM "Label"
) AS "ranked"
WHERE "ranked"."id" = "Label"."id" AND "ranked"."rank" > 1;

UPDATE "WorkflowState" SET "name" = "WorkflowState"."name" || ' (' || right("WorkflowState"."id"::text, 4) || ')'
FROM (
    SELECT "id", row_number() OVER (PARTITION BY "projectId", lower("name") ORDER BY "createdAt", "id") AS "rank"
    FROM "WorkflowState"
) AS "ranked"
WHERE "ranked"."id" = "WorkflowState"."id" AND "ranked"."rank" > 1;

-- CreateIndex
CREATE UNIQUE INDEX "Label_workspaceId_lower_name_key" ON "Label"("workspaceId", lower("name"));

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowState_projectId_lower_name_key" ON "WorkflowState"("projectId", lower("name"));
