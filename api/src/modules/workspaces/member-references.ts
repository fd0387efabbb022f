// Checks that a user referenced in an input (a project lead, a task assignee) belongs to the
// workspace; a foreign reference is refused like any bad input.
import type { DbTransaction } from '../../db/database.ts';
import { badUserInput } from '../../shared/errors.ts';
import { shareWorkspaceMembers } from '../../shared/row-locks.ts';

type Reader = Pick<DbTransaction, 'membership' | '$queryRaw'>;

/**
 * Returns when `userId` is null/undefined or a member of the workspace; else a field error at `path`. Called in
 * the transaction that writes the reference, before it locks anything else, the membership stays as checked until
 * that write commits (PT-3.12).
 */
export async function assertMemberReference(
  db: Reader,
  workspaceId: string,
  userId: string | null | undefined,
  path: string[],
): Promise<void> {
  if (userId === null || userId === undefined) return;
  await shareWorkspaceMembers(db, workspaceId);
  const member = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
  if (!member) throw badUserInput([{ path, message: 'Choose someone who is a member of this workspace.' }]);
}
