// What happens to a member's traces when they leave or are removed (projects-and-tasks 3.8): in that workspace
// their tasks lose them as assignee and its projects as lead; as creator, comment author and actor in the history
// they show as nobody to the people who no longer share a workspace with them, and as themselves to the others.
import { describe, expect, test } from '../../../test/fixtures.ts';
import type { SignedUpUser, TestApi, TestWorkspace } from '../../../test/test-api.ts';

const PROJECT = `query($slug: String!, $key: String!) {
  project(workspaceSlug: $slug, key: $key) { lead { id } }
}`;
const TASK = `query($slug: String!, $key: String!) {
  task(workspaceSlug: $slug, key: $key) {
    assignee { id }
    creator { id }
    comments { nodes { body author { id } } }
    activity { nodes { kind field actor { id } } }
  }
}`;

interface Person {
  id: string;
}
interface TaskView {
  assignee: Person | null;
  creator: Person | null;
  comments: { nodes: { body: string; author: Person | null }[] };
  activity: { nodes: { kind: string; field: string | null; actor: Person | null }[] };
}

type Parting = 'leaves' | 'is removed';

/** In `workspace`, `member` leads the project, is assigned a task, created another, commented and changed a field. */
async function leaveTraces(api: TestApi, owner: SignedUpUser, workspace: TestWorkspace, member: SignedUpUser) {
  const content = await api.createContent(owner, workspace);
  await api.data('mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }', {
    token: owner.accessToken,
    variables: { input: { id: content.projectId, leadId: member.id } },
  });
  await api.data('mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }', {
    token: owner.accessToken,
    variables: { input: { id: content.taskId, assigneeId: member.id } },
  });
  await api.data('mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }', {
    token: member.accessToken,
    variables: { input: { id: content.taskId, priority: 'HIGH' } },
  });
  await api.data('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', {
    token: member.accessToken,
    variables: { input: { taskId: content.taskId, body: 'On it' } },
  });
  const { createTask } = await api.data<{ createTask: { key: string } }>(
    'mutation($input: CreateTaskInput!) { createTask(input: $input) { key } }',
    { token: member.accessToken, variables: { input: { projectId: content.projectId, title: 'Their own task' } } },
  );
  return { projectKey: content.projectKey, assignedKey: content.taskKey, createdKey: createTask.key };
}

function reader(api: TestApi, workspace: TestWorkspace) {
  return {
    lead: async (viewer: SignedUpUser, key: string) =>
      (
        await api.data<{ project: { lead: Person | null } }>(PROJECT, {
          token: viewer.accessToken,
          variables: { slug: workspace.slug, key },
        })
      ).project.lead,
    task: async (viewer: SignedUpUser, key: string) =>
      (
        await api.data<{ task: TaskView }>(TASK, {
          token: viewer.accessToken,
          variables: { slug: workspace.slug, key },
        })
      ).task,
  };
}

describe('departing members', () => {
  test.for<Parting>(['leaves', 'is removed'])(
    'PT-3.8 when a member %s, they are unassigned and cleared as lead there, and show as nobody to those they no longer share a workspace with',
    async (parting, { api, user: owner, workspace }) => {
      const departing = await api.addMember(owner, workspace, 'MEMBER');
      const observer = await api.addMember(owner, workspace, 'MEMBER');
      // The owner still shares a second workspace with the departing member; the observer does not.
      const elsewhere = await api.createWorkspace(owner, 'Elsewhere');
      await api.join(owner, elsewhere, departing, 'MEMBER');
      const here = await leaveTraces(api, owner, workspace, departing);
      const there = await leaveTraces(api, owner, elsewhere, departing);
      const inHere = reader(api, workspace);
      const inThere = reader(api, elsewhere);
      expect(await inHere.lead(observer, here.projectKey)).toEqual({ id: departing.id });
      expect((await inHere.task(observer, here.createdKey)).creator).toEqual({ id: departing.id });

      await api.endMembership(owner, departing, workspace, parting);

      // Cleared in that workspace, for everyone (the owner could still see them): not merely hidden.
      for (const viewer of [owner, observer]) {
        expect(await inHere.lead(viewer, here.projectKey)).toBeNull();
        expect((await inHere.task(viewer, here.assignedKey)).assignee).toBeNull();
      }

      // To the observer, who shares no workspace with them any more: nobody, wherever they appear.
      const assigned = await inHere.task(observer, here.assignedKey);
      expect(assigned.creator).toEqual({ id: owner.id });
      // (Compared in any order: the frozen test clock gives these rows one time.)
      expect(assigned.comments.nodes).toHaveLength(2);
      expect(assigned.comments.nodes).toEqual(
        expect.arrayContaining([
          { body: 'A comment', author: { id: owner.id } },
          { body: 'On it', author: null },
        ]),
      );
      expect(assigned.activity.nodes).toHaveLength(3);
      expect(assigned.activity.nodes).toEqual(
        expect.arrayContaining([
          { kind: 'CREATED', field: null, actor: { id: owner.id } },
          { kind: 'CHANGED', field: 'assignee', actor: { id: owner.id } },
          { kind: 'CHANGED', field: 'priority', actor: null },
        ]),
      );
      const created = await inHere.task(observer, here.createdKey);
      expect(created.creator).toBeNull();
      expect(created.activity.nodes).toEqual([{ kind: 'CREATED', field: null, actor: null }]);

      // To the owner, who still shares a workspace with them: still themselves.
      const ownersView = await inHere.task(owner, here.createdKey);
      expect(ownersView.creator).toEqual({ id: departing.id });
      expect(ownersView.activity.nodes).toEqual([{ kind: 'CREATED', field: null, actor: { id: departing.id } }]);
      expect((await inHere.task(owner, here.assignedKey)).comments.nodes).toContainEqual({
        body: 'On it',
        author: { id: departing.id },
      });

      // Their place in the other workspace is untouched.
      expect(await inThere.lead(owner, there.projectKey)).toEqual({ id: departing.id });
      expect((await inThere.task(owner, there.assignedKey)).assignee).toEqual({ id: departing.id });
    },
  );
});
