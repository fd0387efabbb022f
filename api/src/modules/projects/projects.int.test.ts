import { describe, expect, test } from '../../../test/fixtures.ts';
import { errorCodes } from '../../../test/test-api.ts';

const PROJECTS =
  'query($slug: String!, $all: Boolean) { workspace(slug: $slug) { projects(includeArchived: $all) { nodes { key archivedAt } } } }';

describe('projects', () => {
  test('PT-1.3 a lead must be a member; PT-1.4 update, archive, unarchive and delete', async ({
    api,
    user,
    workspace,
  }) => {
    const stranger = await api.signUp();
    const badLead = await api.operation(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      {
        token: user.accessToken,
        variables: { input: { workspaceId: workspace.id, name: 'P', key: 'LEAD', leadId: stranger.id } },
      },
    );
    expect(badLead.body.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(['input', 'leadId']);

    const content = await api.createContent(user, workspace);
    const renamed = await api.data<{ updateProject: { name: string; lead: { name: string } | null } }>(
      'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { name lead { name } } }',
      { token: user.accessToken, variables: { input: { id: content.projectId, name: 'Renamed', leadId: user.id } } },
    );
    expect(renamed.updateProject).toEqual({ name: 'Renamed', lead: { name: user.name } });

    await api.data('mutation($id: ID!) { archiveProject(id: $id) { id } }', {
      token: user.accessToken,
      variables: { id: content.projectId },
    });
    const active = await api.data<{ workspace: { projects: { nodes: unknown[] } } }>(PROJECTS, {
      token: user.accessToken,
      variables: { slug: workspace.slug },
    });
    expect(active.workspace.projects.nodes).toEqual([]);
    const all = await api.data<{ workspace: { projects: { nodes: { key: string; archivedAt: string | null }[] } } }>(
      PROJECTS,
      {
        token: user.accessToken,
        variables: { slug: workspace.slug, all: true },
      },
    );
    expect(all.workspace.projects.nodes[0]?.archivedAt).not.toBeNull();
    await api.data('mutation($id: ID!) { unarchiveProject(id: $id) { id } }', {
      token: user.accessToken,
      variables: { id: content.projectId },
    });

    const deleted = await api.operation('mutation($id: ID!) { deleteProject(id: $id) }', {
      token: user.accessToken,
      variables: { id: content.projectId },
    });
    expect(deleted.body).toEqual({ data: { deleteProject: true } });
    const task = await api.operation(
      'query($slug: String!, $key: String!) { task(workspaceSlug: $slug, key: $key) { id } }',
      {
        token: user.accessToken,
        variables: { slug: workspace.slug, key: content.taskKey },
      },
    );
    expect(errorCodes(task.body)).toEqual(['NOT_FOUND']);
  });
});

describe('old project keys', () => {
  test('PT-1.5 after a key change the old keys still find the project and its tasks, and stay its own', async ({
    api,
    user,
    workspace,
  }) => {
    const content = await api.createContent(user, workspace);
    const oldKey = content.projectKey;
    const number = content.taskKey.split('-')[1];
    const token = user.accessToken;
    const UPDATE = 'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { key } }';
    const PROJECT = 'query($slug: String!, $key: String!) { project(workspaceSlug: $slug, key: $key) { id key } }';
    const TASK = 'query($slug: String!, $key: String!) { task(workspaceSlug: $slug, key: $key) { id key } }';
    const projectBy = (key: string) =>
      api.data<{ project: { id: string; key: string } }>(PROJECT, { token, variables: { slug: workspace.slug, key } });
    const taskBy = (key: string) =>
      api.data<{ task: { id: string; key: string } }>(TASK, { token, variables: { slug: workspace.slug, key } });

    await api.data(UPDATE, { token, variables: { input: { id: content.projectId, key: 'RENAM' } } });
    expect((await projectBy(oldKey)).project).toEqual({ id: content.projectId, key: 'RENAM' });
    expect((await taskBy(`${oldKey}-${number}`)).task).toEqual({ id: content.taskId, key: `RENAM-${number}` });
    expect((await taskBy(`${oldKey.toLowerCase()}-${number}`)).task.id).toBe(content.taskId);

    const taken = await api.operation('mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }', {
      token,
      variables: { input: { workspaceId: workspace.id, name: 'Usurper', key: oldKey } },
    });
    expect(errorCodes(taken.body)).toEqual(['CONFLICT']);
    expect(taken.body.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(['input', 'key']);

    const stranger = await api.signUp();
    const theirs = await api.operation(TASK, {
      token: stranger.accessToken,
      variables: { slug: workspace.slug, key: `${oldKey}-${number}` },
    });
    expect(errorCodes(theirs.body)).toEqual(['NOT_FOUND']);

    await api.data(UPDATE, { token, variables: { input: { id: content.projectId, key: oldKey } } });
    expect((await taskBy(`${oldKey}-${number}`)).task.key).toBe(`${oldKey}-${number}`);
    expect((await projectBy('RENAM')).project).toEqual({ id: content.projectId, key: oldKey });
  });
});

describe('workflow states', () => {
  test('PT-2.1 adds, renames and reorders states; PT-2.3 names are unique and colours #RRGGBB', async ({
    api,
    user,
    workspace,
  }) => {
    const content = await api.createContent(user, workspace);
    const STATES =
      'query($slug: String!, $key: String!) { project(workspaceSlug: $slug, key: $key) { states { id name color } } }';
    const states = async () =>
      (
        await api.data<{ project: { states: { id: string; name: string; color: string }[] } }>(STATES, {
          token: user.accessToken,
          variables: { slug: workspace.slug, key: content.projectKey },
        })
      ).project.states;
    const todo = (await states()).find((state) => state.name === 'Todo');
    const { createWorkflowState } = await api.data<{ createWorkflowState: { id: string } }>(
      'mutation($input: CreateWorkflowStateInput!) { createWorkflowState(input: $input) { id } }',
      {
        token: user.accessToken,
        variables: {
          input: {
            projectId: content.projectId,
            name: 'Review',
            category: 'STARTED',
            color: '#8b5cf6',
            afterId: todo?.id,
          },
        },
      },
    );
    expect((await states()).map((state) => state.name)).toEqual([
      'Backlog',
      'Todo',
      'Review',
      'In Progress',
      'Done',
      'Canceled',
    ]);
    await api.data('mutation($input: MoveWorkflowStateInput!) { moveWorkflowState(input: $input) { id } }', {
      token: user.accessToken,
      variables: { input: { id: createWorkflowState.id } },
    });
    expect((await states()).map((state) => state.name).at(-1)).toBe('Review');
    const byName = async (name: string) => (await states()).find((state) => state.name === name)?.id;
    await api.data('mutation($input: MoveWorkflowStateInput!) { moveWorkflowState(input: $input) { id } }', {
      token: user.accessToken,
      variables: {
        input: { id: createWorkflowState.id, afterId: await byName('Todo'), beforeId: await byName('Done') },
      },
    });
    expect((await states()).map((state) => state.name)).toEqual([
      'Backlog',
      'Todo',
      'Review',
      'In Progress',
      'Done',
      'Canceled',
    ]);
    const caseVariant = await api.operation(
      'mutation($input: CreateWorkflowStateInput!) { createWorkflowState(input: $input) { id } }',
      {
        token: user.accessToken,
        variables: { input: { projectId: content.projectId, name: 'TODO', category: 'UNSTARTED', color: '#112233' } },
      },
    );
    expect(errorCodes(caseVariant.body)).toEqual(['CONFLICT']);
    await api.data('mutation($input: UpdateWorkflowStateInput!) { updateWorkflowState(input: $input) { id } }', {
      token: user.accessToken,
      variables: { input: { id: createWorkflowState.id, name: 'review' } },
    });
    const duplicate = await api.operation(
      'mutation($input: UpdateWorkflowStateInput!) { updateWorkflowState(input: $input) { id } }',
      { token: user.accessToken, variables: { input: { id: createWorkflowState.id, name: 'DONE' } } },
    );
    expect(errorCodes(duplicate.body)).toEqual(['CONFLICT']);
    const badColour = await api.operation(
      'mutation($input: UpdateWorkflowStateInput!) { updateWorkflowState(input: $input) { id } }',
      { token: user.accessToken, variables: { input: { id: createWorkflowState.id, color: 'purple' } } },
    );
    expect(badColour.body.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(['input', 'color']);
  });

  test('PT-2.2 a state in use is deleted only with somewhere for its tasks', async ({ api, user, workspace }) => {
    const content = await api.createContent(user, workspace);
    const DELETE = 'mutation($input: DeleteWorkflowStateInput!) { deleteWorkflowState(input: $input) }';
    const project = await api.data<{ project: { states: { id: string; name: string }[] } }>(
      'query($slug: String!, $key: String!) { project(workspaceSlug: $slug, key: $key) { states { id name } } }',
      { token: user.accessToken, variables: { slug: workspace.slug, key: content.projectKey } },
    );
    const todo = project.project.states.find((state) => state.name === 'Todo')?.id;
    const backlog = project.project.states.find((state) => state.name === 'Backlog')?.id;
    const refused = await api.operation(DELETE, { token: user.accessToken, variables: { input: { id: todo } } });
    expect(errorCodes(refused.body)).toEqual(['CONFLICT']);
    const moved = await api.operation(DELETE, {
      token: user.accessToken,
      variables: { input: { id: todo, moveTasksToStateId: backlog } },
    });
    expect(moved.body).toEqual({ data: { deleteWorkflowState: true } });
    const task = await api.data<{ task: { state: { name: string } } }>(
      'query($slug: String!, $key: String!) { task(workspaceSlug: $slug, key: $key) { state { name } } }',
      { token: user.accessToken, variables: { slug: workspace.slug, key: content.taskKey } },
    );
    expect(task.task.state.name).toBe('Backlog');
  });
});

describe('deleting a state with tasks', () => {
  test('PT-3.4 PT-2.2 its tasks moved into a finished state are completed, and moved out of one no longer are', async ({
    api,
    user,
    workspace,
  }) => {
    const content = await api.createContent(user, workspace);
    const project = await api.data<{ project: { states: { id: string; name: string }[] } }>(
      'query($slug: String!, $key: String!) { project(workspaceSlug: $slug, key: $key) { states { id name } } }',
      { token: user.accessToken, variables: { slug: workspace.slug, key: content.projectKey } },
    );
    const stateId = (name: string) => project.project.states.find((state) => state.name === name)?.id;
    const completedAt = async () =>
      (
        await api.data<{ task: { completedAt: string | null } }>(
          'query($slug: String!, $key: String!) { task(workspaceSlug: $slug, key: $key) { completedAt } }',
          { token: user.accessToken, variables: { slug: workspace.slug, key: content.taskKey } },
        )
      ).task.completedAt;
    const deleteState = (id: string | undefined, moveTasksToStateId: string | undefined) =>
      api.data('mutation($input: DeleteWorkflowStateInput!) { deleteWorkflowState(input: $input) }', {
        token: user.accessToken,
        variables: { input: { id, moveTasksToStateId } },
      });
    expect(await completedAt()).toBeNull();
    await deleteState(stateId('Todo'), stateId('Done'));
    const completed = await completedAt();
    expect(completed).not.toBeNull();
    await api.data('mutation($i: MoveTaskInput!) { moveTask(input: $i) { id } }', {
      token: user.accessToken,
      variables: { i: { id: content.taskId, stateId: stateId('Canceled') } },
    });
    expect(await completedAt()).toBe(completed);
    await deleteState(stateId('Canceled'), stateId('Backlog'));
    expect(await completedAt()).toBeNull();
  });
});
