// Row locks that make writers take turns: those of one ordered list, those of one workspace's memberships (and,
// in share mode, the writers of references to a member), project keys or webhooks, and those of one task. Taken in that
// order (workspace, project, state, task) so that writers holding several never wait for each other in a circle;
// taken inside the writer's transaction before it reads: under READ COMMITTED every later statement then sees
// what the previous holder committed, so two placements never compute a key from the same neighbours. NO KEY
// UPDATE, so that foreign-key checks of rows merely referencing the locked one are not blocked.
import type { DbTransaction } from '../db/database.ts';

type Tx = Pick<DbTransaction, '$queryRaw'>;

/**
 * Serialises placements of tasks in a state (a board column) until the transaction ends. A move takes the same lock
 * in the statement that reads its target (`lockMoveTarget` in tasks.ts, PT-9.7).
 */
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
 * which only reference the workspace, are not held up; those that reference a member wait (`shareWorkspaceMembers`).
 */
export async function lockWorkspaceMembers(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${workspaceId}::uuid FOR NO KEY UPDATE`;
}

/**
 * Holds a workspace's memberships still until the transaction ends, in share mode: writers of references to a
 * member (an assignee, a lead) do not wait for each other, but a membership change (`lockWorkspaceMembers`) waits
 * for them, and they for it. So a member who leaves either goes first, and the reference is refused, or after,
 * and their departure clears it (PT-3.12).
 */
export async function shareWorkspaceMembers(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${workspaceId}::uuid FOR SHARE`;
}

/**
 * Keeps a workspace from being deleted until the transaction ends, in key-share mode (which only a deletion waits
 * for): a writer that locks a project and then inserts under it holds the workspace first, as its deletion takes it
 * first, so the two wait in order instead of deadlocking (WS-5.12).
 */
export async function keepWorkspace(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${workspaceId}::uuid FOR KEY SHARE`;
}

/**
 * Serialises claims of project keys in a workspace (creating a project, changing its key) until the transaction
 * ends, so that a key is never taken by one project while another gives it up (PT-1.6). The workspace's row, as for
 * memberships: key claims are rare.
 */
export async function lockProjectKeys(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${workspaceId}::uuid FOR NO KEY UPDATE`;
}

/**
 * Serialises creations of webhooks in a workspace until the transaction ends, so that two of them cannot both count
 * the workspace's webhooks below the limit before either writes (HOOK-4.7). The workspace's row, as for memberships
 * and project keys: creating a webhook is rare.
 */
export async function lockWorkspaceWebhooks(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${workspaceId}::uuid FOR NO KEY UPDATE`;
}

/**
 * Serialises changes to one task until the transaction ends, so that each reads the task as the previous one left
 * it and records only its own changes (PT-6.2). Taken after any state lock, in the order a state's deletion takes
 * them (state, then its tasks). A move takes the same lock in the statement that reads what it replaces
 * (`lockMovedTask` in tasks.ts, PT-9.7).
 */
export async function lockTask(tx: Tx, taskId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Task" WHERE "id" = ${taskId}::uuid FOR NO KEY UPDATE`;
}
