// Row locks that make writers take turns: those of one ordered list, and those of one workspace's memberships. Taken inside the writer's transaction
// before it reads the neighbours: under READ COMMITTED every later statement then sees what the previous
// holder committed, so two placements never compute a key from the same neighbours. NO KEY UPDATE, so
// that foreign-key checks of rows merely referencing the locked one are not blocked.
import type { Prisma } from '../generated/prisma/client.ts';

type Tx = Pick<Prisma.TransactionClient, '$queryRaw'>;

/** Serialises placements of tasks in a state (a board column) until the transaction ends. */
export async function lockStateOrder(tx: Tx, stateId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "WorkflowState" WHERE "id" = ${stateId}::uuid FOR NO KEY UPDATE`;
}

/** Serialises placements of a project's workflow states until the transaction ends. */
export async function lockProjectOrder(tx: Tx, projectId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Project" WHERE "id" = ${projectId}::uuid FOR NO KEY UPDATE`;
}

/**
 * Serialises changes to a workspace's memberships until the transaction ends, so that two of them cannot both
 * count the owners before either writes. NO KEY UPDATE like the others: writers of projects, tasks and labels,
 * which only reference the workspace, are not held up.
 */
export async function lockWorkspaceMembers(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${workspaceId}::uuid FOR NO KEY UPDATE`;
}
