import { describe, expect, test } from '../../../test/fixtures.ts';
import { errorCodes } from '../../../test/test-api.ts';

describe('labels', () => {
  test('PT-5.1 writers create, rename and delete labels; names are unique in the workspace, regardless of case', async ({
    api,
    user,
    workspace,
  }) => {
    const CREATE = 'mutation($input: CreateLabelInput!) { createLabel(input: $input) { id name color } }';
    const { createLabel } = await api.data<{ createLabel: { id: string; color: string } }>(CREATE, {
      token: user.accessToken,
      variables: { input: { workspaceId: workspace.id, name: 'bug', color: '#ef4444' } },
    });
    expect(createLabel.color).toBe('#EF4444');
    const again = await api.operation(CREATE, {
      token: user.accessToken,
      variables: { input: { workspaceId: workspace.id, name: 'bug', color: '#000000' } },
    });
    expect(errorCodes(again.body)).toEqual(['CONFLICT']);
    const caseVariant = await api.operation(CREATE, {
      token: user.accessToken,
      variables: { input: { workspaceId: workspace.id, name: 'BUG', color: '#000000' } },
    });
    expect(caseVariant.body.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(['input', 'name']);
    const { createLabel: other } = await api.data<{ createLabel: { id: string } }>(CREATE, {
      token: user.accessToken,
      variables: { input: { workspaceId: workspace.id, name: 'ux', color: '#000000' } },
    });
    const renamedOnto = await api.operation(
      'mutation($input: UpdateLabelInput!) { updateLabel(input: $input) { id } }',
      {
        token: user.accessToken,
        variables: { input: { id: other.id, name: 'Bug' } },
      },
    );
    expect(errorCodes(renamedOnto.body)).toEqual(['CONFLICT']);
    await api.data('mutation($id: ID!) { deleteLabel(id: $id) }', {
      token: user.accessToken,
      variables: { id: other.id },
    });
    await api.data('mutation($input: UpdateLabelInput!) { updateLabel(input: $input) { id } }', {
      token: user.accessToken,
      variables: { input: { id: createLabel.id, name: 'Bug' } },
    });
    await api.data('mutation($input: UpdateLabelInput!) { updateLabel(input: $input) { id } }', {
      token: user.accessToken,
      variables: { input: { id: createLabel.id, name: 'defect' } },
    });
    const labels = await api.data<{ workspace: { labels: { name: string }[] } }>(
      'query($slug: String!) { workspace(slug: $slug) { labels { name } } }',
      { token: user.accessToken, variables: { slug: workspace.slug } },
    );
    expect(labels.workspace.labels).toEqual([{ name: 'defect' }]);
    await api.data('mutation($id: ID!) { deleteLabel(id: $id) }', {
      token: user.accessToken,
      variables: { id: createLabel.id },
    });
  });
});

describe('comments', () => {
  test('PT-5.2 authors edit and delete their comments; others may not; PT-5.3 counts without loading them', async ({
    api,
    user,
    workspace,
  }) => {
    const content = await api.createContent(user, workspace);
    const teammate = await api.addMember(user, workspace, 'MEMBER');
    const EDIT = 'mutation($input: EditCommentInput!) { editComment(input: $input) { body editedAt } }';
    const mine = await api.data<{ editComment: { body: string; editedAt: string | null } }>(EDIT, {
      token: user.accessToken,
      variables: { input: { id: content.commentId, body: '  Better wording  ' } },
    });
    expect(mine.editComment.body).toBe('Better wording');
    expect(mine.editComment.editedAt).not.toBeNull();
    const theirs = await api.operation(EDIT, {
      token: teammate.accessToken,
      variables: { input: { id: content.commentId, body: 'Hijacked' } },
    });
    expect(errorCodes(theirs.body)).toEqual(['FORBIDDEN']);
    const empty = await api.operation('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', {
      token: teammate.accessToken,
      variables: { input: { taskId: content.taskId, body: '   ' } },
    });
    expect(empty.body.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(['input', 'body']);
    const task = await api.data<{
      task: { commentCount: number; comments: { nodes: { body: string; isViewer: boolean }[] } };
    }>(
      'query($slug: String!, $key: String!) { task(workspaceSlug: $slug, key: $key) { commentCount comments { nodes { body isViewer } } } }',
      { token: teammate.accessToken, variables: { slug: workspace.slug, key: content.taskKey } },
    );
    expect(task.task).toEqual({ commentCount: 1, comments: { nodes: [{ body: 'Better wording', isViewer: false }] } });
    const deleted = await api.operation('mutation($id: ID!) { deleteComment(id: $id) }', {
      token: teammate.accessToken,
      variables: { id: content.commentId },
    });
    expect(errorCodes(deleted.body)).toEqual(['FORBIDDEN']);
    const own = await api.data<{ addComment: { id: string } }>(
      'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
      { token: teammate.accessToken, variables: { input: { taskId: content.taskId, body: 'Mine to remove' } } },
    );
    const deletedOwn = await api.data<{ deleteComment: boolean }>('mutation($id: ID!) { deleteComment(id: $id) }', {
      token: teammate.accessToken,
      variables: { id: own.addComment.id },
    });
    expect(deletedOwn.deleteComment).toBe(true);
  });
});

describe('people who leave', () => {
  test('PT-3.8 a removed member is unassigned from the workspace’s tasks and shows as nobody on their comments', async ({
    api,
    user,
    workspace,
  }) => {
    const teammate = await api.addMember(user, workspace, 'MEMBER');
    const content = await api.createContent(user, workspace);
    await api.data('mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }', {
      token: user.accessToken,
      variables: { input: { id: content.taskId, assigneeId: teammate.id } },
    });
    await api.data('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', {
      token: teammate.accessToken,
      variables: { input: { taskId: content.taskId, body: 'On it' } },
    });
    await api.data('mutation($id: ID!) { removeMember(membershipId: $id) }', {
      token: user.accessToken,
      variables: { id: teammate.membershipId },
    });
    const task = await api.operation<{
      task: { assignee: unknown; comments: { nodes: { body: string; author: unknown }[] } };
    }>(
      'query($slug: String!, $key: String!) { task(workspaceSlug: $slug, key: $key) { assignee { name } comments { nodes { body author { name } } } } }',
      { token: user.accessToken, variables: { slug: workspace.slug, key: content.taskKey } },
    );
    expect(task.body.errors).toBeUndefined();
    expect(task.body.data?.task.assignee).toBeNull();
    expect(task.body.data?.task.comments.nodes.find((comment) => comment.body === 'On it')?.author).toBeNull();
  });
});
