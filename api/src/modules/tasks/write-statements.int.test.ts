// Writes in as few round trips as their transaction needs (projects-and-tasks 9.4, 9.7): moving, creating and changing
// a task cost the same number of statements in a column of 3 tasks and of 200, within a fixed budget.

import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, test } from '../../../test/fixtures.ts';
import { uuid } from '../../../test/global-ids.ts';
import { addFillerTasks, type SignedUpUser, type TestApi, type TestWorkspace } from '../../../test/test-api.ts';

const CREATE = 'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }';
const MOVE = 'mutation($input: MoveTaskInput!) { moveTask(input: $input) { id position state { id } } }';
const UPDATE = 'mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id title } }';

/** The statements one operation sent (BEGIN is not logged; COMMIT is), once it succeeded. */
async function statementLogOf(api: TestApi, user: SignedUpUser, query: string, variables: object): Promise<string[]> {
  api.db.statements.length = 0;
  const result = await api.operation(query, { token: user.accessToken, variables: { ...variables } });
  expect(result.body.errors).toBeUndefined();
  return [...api.db.statements];
}

/** How many statements one operation sent, once it succeeded. */
async function statementsOf(api: TestApi, user: SignedUpUser, query: string, variables: object): Promise<number> {
  return (await statementLogOf(api, user, query, variables)).length;
}

/**
 * A read of the person's memberships apart from the session's check, which 9.7's budget leaves aside until the check
 * reads them in its own statement (PT-9.6): one that reads memberships, not the session.
 */
const separateMembershipRead = (statement: string) =>
  statement.includes('FROM "public"."Membership"') && !statement.includes('"public"."Session"');

/** The statements of a log that count against 9.7's budget. */
const budgeted = (log: readonly string[]) => log.filter((statement) => !separateMembershipRead(statement));

/** A project's content, a second state of it, and a way to add a task to the first state's column. */
async function twoColumns(api: TestApi, user: SignedUpUser, workspace: TestWorkspace) {
  const content = await api.createContent(user, workspace);
  const { project } = await api.data<{ project: { states: { id: string }[] } }>(
    'query($slug: String!, $key: String!) { project(workspaceSlug: $slug, key: $key) { states { id } } }',
    { token: user.accessToken, variables: { slug: workspace.slug, key: content.projectKey } },
  );
  const otherState = project.states.find((state) => state.id !== content.stateId)?.id ?? '';
  const inColumn = async () => {
    const created = await api.data<{ createTask: { id: string } }>(CREATE, {
      token: user.accessToken,
      variables: { input: { projectId: content.projectId, stateId: content.stateId, title: 'In the column' } },
    });
    return created.createTask.id;
  };
  return { content, otherState, inColumn };
}

describe('task writes', () => {
  test('PT-9.4 moveTask (within and across columns), createTask and updateTask send as many statements in a column of 200 tasks as in one of 3', {
    timeout: 120_000,
  }, async ({ api, user, workspace }) => {
    const { content, otherState, inColumn } = await twoColumns(api, user, workspace);
    /** The column's task ids in board order. */
    const column = async () => {
      const { node } = await api.data<{ node: { tasks: { nodes: { id: string }[] } } }>(
        'query($id: ID!) { node(id: $id) { ... on WorkflowState { tasks(first: 100) { nodes { id } } } } }',
        { token: user.accessToken, variables: { id: content.stateId } },
      );
      return node.tasks.nodes.map((task) => task.id);
    };
    const measure = async (label: string) => {
      const [first, second] = [await inColumn(), await inColumn()];
      // Into the middle of the column, right after the task there.
      const before = (await column()).filter((id) => id !== second);
      const anchor = before[Math.floor((before.length - 1) / 2)] ?? first;
      const measured = {
        label,
        moveBetween: await statementsOf(api, user, MOVE, {
          input: { id: second, stateId: content.stateId, afterId: anchor },
        }),
        moveAcross: await statementsOf(api, user, MOVE, { input: { id: first, stateId: otherState } }),
        create: await statementsOf(api, user, CREATE, {
          input: { projectId: content.projectId, stateId: content.stateId, title: 'Measured', assigneeId: user.id },
        }),
        update: await statementsOf(api, user, UPDATE, {
          input: { id: second, title: 'Renamed', labelIds: [content.labelId], assigneeId: user.id },
        }),
      };
      const after = await column();
      expect(after.indexOf(second), label).toBe(after.indexOf(anchor) + 1);
      return measured;
    };
    const small = await measure('3 tasks');
    const task = await api.db.prisma.task.findFirstOrThrow({ where: { title: 'In the column' } });
    await addFillerTasks(api, task, 200, 1000);
    const large = await measure('200 tasks');
    expect({ ...large, label: small.label }).toEqual(small);
    // Each includes the session, the scope's look-up, the memberships and the answer's read around its transaction
    // (13 for a move between two tasks and 18 for this update before PT-9.4; 13 for a move across columns before
    // PT-9.7, which locks the state and the task with their reads), and the event of the change appended with its
    // sequence number in one statement (RT-1.1).
    expect(small.moveBetween).toBeLessThanOrEqual(11);
    expect(small.moveAcross).toBeLessThanOrEqual(11);
    expect(small.create).toBeLessThanOrEqual(14);
    expect(small.update).toBeLessThanOrEqual(17);
  });

  test('PT-9.7 a move across columns sends at most 10 statements from the session’s check to its answer (11 between two cards, read in one), besides a separate membership read, in columns of 3 tasks and of 200', {
    timeout: 120_000,
  }, async ({ api, user, workspace }) => {
    const { content, otherState: target, inColumn } = await twoColumns(api, user, workspace);
    const measure = async () => {
      const [across, staying, anchor, between, other] = [
        await inColumn(),
        await inColumn(),
        await inColumn(),
        await inColumn(),
        await inColumn(),
      ];
      const acrossLog = await statementLogOf(api, user, MOVE, { input: { id: across, stateId: target } });
      const withinLog = await statementLogOf(api, user, MOVE, {
        input: { id: staying, stateId: content.stateId, afterId: anchor },
      });
      // Dropped between two cards of the other column, as the board sends it: both neighbours named.
      await api.data(MOVE, { token: user.accessToken, variables: { input: { id: other, stateId: target } } });
      const [first = '', second = ''] = (
        await api.db.prisma.task.findMany({
          where: { stateId: uuid(target) },
          orderBy: { position: 'asc' },
          select: { id: true },
          take: 2,
        })
      ).map((row) => encodeGlobalID('Task', row.id));
      const betweenLog = await statementLogOf(api, user, MOVE, {
        input: { id: between, stateId: target, afterId: first, beforeId: second },
      });
      // The first moved to the other column, the second after the third, the fourth between the first two there.
      const row = (id: string) =>
        api.db.prisma.task.findUniqueOrThrow({ where: { id: uuid(id) }, select: { stateId: true, position: true } });
      expect((await row(across)).stateId).toBe(uuid(target));
      expect((await row(staying)).position > (await row(anchor)).position).toBe(true);
      const placed = await row(between);
      expect(placed.stateId).toBe(uuid(target));
      expect(placed.position > (await row(first)).position && placed.position < (await row(second)).position).toBe(
        true,
      );
      return { across: acrossLog, within: withinLog, between: betweenLog };
    };
    const small = await measure();
    // Both columns long: the move into one and the move within the other.
    const task = await api.db.prisma.task.findFirstOrThrow({ where: { stateId: uuid(content.stateId) } });
    await addFillerTasks(api, task, 200, 1000);
    await addFillerTasks(api, { ...task, stateId: uuid(target) }, 200, 2000);
    const large = await measure();
    const counts = (logs: typeof small) => ({
      across: budgeted(logs.across).length,
      within: budgeted(logs.within).length,
      between: budgeted(logs.between).length,
    });
    expect(counts(large)).toEqual(counts(small));
    // The session (with the memberships, PT-9.6), the scope's look-up; the target state locked with its read and the
    // task's state, the neighbours, the task locked with what the move replaces, the update, the history (a change of
    // state only), the event, COMMIT; the answer's read.
    expect(counts(small).across).toBeLessThanOrEqual(10);
    expect(counts(small).within).toBeLessThanOrEqual(10);
    // Beside named tasks: both read in one statement, then the anchor's neighbour in one (the end's read aside).
    expect(counts(small).between).toBeLessThanOrEqual(11);
    // No lock is taken in a statement of its own.
    const bareLocks = [...small.across, ...small.within, ...small.between].filter((statement) =>
      statement.startsWith('SELECT 1 FROM'),
    );
    expect(bareLocks).toEqual([]);
  });
});
