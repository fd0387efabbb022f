// Checks that a user referenced in an input (a project lead, a task assignee) belongs to the
// workspace; a foreign reference is refused like any bad input.
import type { Prisma } from '../../generated/prisma/client.ts';
import { badUserInput } from '../../shared/errors.ts';

type Reader = Pick<Prisma.TransactionClient, 'membership'>;

/** Returns `userId` when it is null/undefined or a member of the workspace; else a field error at `path`. */
export async function assertMemberReference(
  db: Reader,
  workspaceId: string,
  userId: string | null | undefined,
  path: string[],
): Promise<void> {
  if (userId === null || userId === undefined) return;
  const member = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
  if (!member) throw badUserInput([{ path, message: 'Choose someone who is a member of this workspace.' }]);
}
