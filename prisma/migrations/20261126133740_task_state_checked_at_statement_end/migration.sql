-- A task's state is checked at the end of the statement (NO ACTION) rather than at once (RESTRICT): deleting a
-- project or a workspace removes its states and tasks together, in whatever order the cascade reaches them, while
-- deleting a state that tasks still use is still refused.
-- DropForeignKey
ALTER TABLE "Task" DROP CONSTRAINT "Task_stateId_fkey";

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_stateId_fkey" FOREIGN KEY ("stateId") REFERENCES "WorkflowState"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
