// The second layer of tenant checks (workspaces 5.10, 5.11): every service write is handed the workspace its scope
// established and finds nothing outside it; a row deleted after its check answers NOT_FOUND through the API.

import { systemAuditSource } from '../src/modules/audit/audit-log.ts';
import { createLocalEventBus } from '../src/modules/events/event-bus.ts';
import { createServices } from '../src/services.ts';
import { AppError } from '../src/shared/errors.ts';
import { isRecordNotFound } from '../src/shared/prisma-errors.ts';
import { describe, expect, test } from './fixtures.ts';
import { uuid } from './global-ids.ts';
import { clientView, errorCodes, tenantFingerprint, testAppDeps } from './test-api.ts';

/** A write that found no row of the workspace it was given: NOT_FOUND, or Prisma's record-not-found (P2025). */
function foundNothing(error: unknown): boolean {
  return (error instanceof AppError && error.code === 'NOT_FOUND') || isRecordNotFound(error);
}

describe('service writes stay in their workspace', () => {
  test('WS-5.10 every service write given another workspace than its row’s finds nothing and changes nothing, even for an owner of both', async ({
    api,
    user,
    workspace,
  }) => {
    const content = await api.createContent(user, workspace);
    const member = await api.addMember(user, workspace, 'MEMBER');
    const { inviteMember } = await api.data<{ inviteMember: { invitation: { id: string } } }>(
      'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }',
      {
        token: user.accessToken,
        variables: { input: { workspaceId: workspace.id, email: 'invited@example.com', role: 'MEMBER' } },
      },
    );
    // The same owner's second workspace: the one the writes are (wrongly) given.
    const other = uuid((await api.createWorkspace(user, 'Other')).id);
    const services = createServices({
      ...(await testAppDeps(api.db, api.clock)),
      invitationSender: { send: async () => {} },
      pointsPerHour: 1_000_000,
      webhookUrls: { checkUrl: async () => null },
      bus: createLocalEventBus((error) => {
        throw error;
      }),
    });
    const actor = uuid(user.id);
    const source = { ...systemAuditSource, actorId: actor };
    const task = uuid(content.taskId);
    const project = uuid(content.projectId);
    const state = uuid(content.stateId);
    const label = uuid(content.labelId);
    const comment = uuid(content.commentId);
    const membership = uuid(member.membershipId);
    const writes: Record<string, () => Promise<unknown>> = {
      createTask: () => services.tasks.create(actor, other, project, { title: 'Across' }),
      updateTask: () => services.tasks.update(actor, other, task, { title: 'Across' }),
      moveTask: () => services.tasks.move(actor, other, task, { stateId: state }),
      deleteTask: () => services.tasks.delete(actor, other, task),
      updateLabel: () => services.labels.update(actor, other, label, { name: 'across' }),
      deleteLabel: () => services.labels.delete(actor, other, label),
      addComment: () => services.comments.add(actor, other, task, { body: 'Across' }),
      editComment: () => services.comments.edit(actor, other, comment, { body: 'Across' }),
      deleteComment: () => services.comments.delete(actor, 'OWNER', other, comment),
      updateProject: () => services.projects.update(actor, other, project, { name: 'Across' }, undefined),
      archiveProject: () => services.projects.setArchived(actor, other, project, true),
      deleteProject: () => services.projects.delete(actor, other, project, source),
      createWorkflowState: () =>
        services.projects.addState(
          actor,
          other,
          project,
          { name: 'Across', category: 'STARTED', color: '#3B82F6' },
          {},
        ),
      updateWorkflowState: () => services.projects.updateState(actor, other, state, { name: 'Across' }),
      moveWorkflowState: () => services.projects.moveState(actor, other, state, {}),
      deleteWorkflowState: () => services.projects.deleteState(actor, other, state, undefined),
      changeMemberRole: () =>
        services.members.changeRole({ userId: actor, cap: 'OWNER' }, other, membership, 'VIEWER', source),
      removeMember: () => services.members.remove({ userId: actor, cap: 'OWNER' }, other, membership, source),
      revokeInvitation: () => services.invitations.revoke(other, uuid(inviteMember.invitation.id), source),
    };

    const before = await tenantFingerprint(api);
    const outcomes: Record<string, string> = {};
    for (const [name, write] of Object.entries(writes)) {
      outcomes[name] = await write().then(
        () => 'written',
        (error: unknown) => (foundNothing(error) ? 'found nothing' : String(error)),
      );
    }
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(writes).map((name) => [name, 'found nothing'])));
    expect(await tenantFingerprint(api)).toBe(before);
  });
});

describe('rows deleted after their check', () => {
  /** A delete, then a change of the same row in the same request: its scope passed, its row is gone. */
  const cases: Record<string, (ids: Record<string, string>) => string> = {
    updateTask: ({ taskId }) =>
      `a: deleteTask(id: "${taskId}") b: updateTask(input: { id: "${taskId}", title: "Late" }) { id }`,
    moveTask: ({ taskId, stateId }) =>
      `a: deleteTask(id: "${taskId}") b: moveTask(input: { id: "${taskId}", stateId: "${stateId}" }) { id }`,
    addComment: ({ taskId }) =>
      `a: deleteTask(id: "${taskId}") b: addComment(input: { taskId: "${taskId}", body: "Late" }) { id }`,
    deleteTask: ({ taskId }) => `a: deleteTask(id: "${taskId}") b: deleteTask(id: "${taskId}")`,
    updateLabel: ({ labelId }) =>
      `a: deleteLabel(id: "${labelId}") b: updateLabel(input: { id: "${labelId}", name: "late" }) { id }`,
    editComment: ({ commentId }) =>
      `a: deleteComment(id: "${commentId}") b: editComment(input: { id: "${commentId}", body: "Late" }) { id }`,
    createTask: ({ projectId }) =>
      `a: deleteProject(id: "${projectId}") b: createTask(input: { projectId: "${projectId}", title: "Late" }) { id }`,
    updateProject: ({ projectId }) =>
      `a: deleteProject(id: "${projectId}") b: updateProject(input: { id: "${projectId}", name: "Late" }) { id }`,
    archiveProject: ({ projectId }) =>
      `a: deleteProject(id: "${projectId}") b: archiveProject(id: "${projectId}") { id }`,
    createWorkflowState: ({ projectId }) =>
      `a: deleteProject(id: "${projectId}") b: createWorkflowState(input: { projectId: "${projectId}", name: "Late", category: STARTED, color: "#3B82F6" }) { id }`,
    updateWorkflowState: ({ projectId, stateId }) =>
      `a: deleteProject(id: "${projectId}") b: updateWorkflowState(input: { id: "${stateId}", name: "Late" }) { id }`,
    moveWorkflowState: ({ projectId, stateId }) =>
      `a: deleteProject(id: "${projectId}") b: moveWorkflowState(input: { id: "${stateId}" }) { id }`,
    deleteWorkflowState: ({ projectId, stateId }) =>
      `a: deleteProject(id: "${projectId}") b: deleteWorkflowState(input: { id: "${stateId}" })`,
    changeMemberRole: ({ membershipId }) =>
      `a: removeMember(membershipId: "${membershipId}") b: changeMemberRole(input: { membershipId: "${membershipId}", role: VIEWER }) { id }`,
  };

  test.for(Object.keys(cases))(
    'WS-5.11 %s of a row deleted earlier in the request answers NOT_FOUND for it alone',
    async (name, { api, user, workspace }) => {
      const content = await api.createContent(user, workspace);
      const member = await api.addMember(user, workspace, 'MEMBER');
      const mutation = cases[name]?.({ ...content, membershipId: member.membershipId }) ?? '';
      const result = await api.operation(`mutation { ${mutation} }`, { token: user.accessToken });
      const seen = clientView(result);
      expect(errorCodes(result.body)).toEqual(['NOT_FOUND']);
      // The delete succeeded (no error at `a`); the mutation fields are non-null, so b's error nulls the data.
      expect(seen.errors[0]?.path).toEqual(['b']);
      expect(result.body.data).toBeNull();
    },
  );
});
