import { describe, expect, test } from '../../../test/fixtures.ts';
import { errorCodes } from '../../../test/test-api.ts';

const MEMBERS =
  'query($slug: String!) { workspace(slug: $slug) { members { totalCount nodes { id role isViewer user { name email } } } } }';
const CHANGE = 'mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role } }';
const REMOVE = 'mutation($id: ID!) { removeMember(membershipId: $id) }';
const LEAVE = 'mutation($id: ID!) { leaveWorkspace(workspaceId: $id) }';

async function ownerMembershipId(
  api: { data: <T>(q: string, o: object) => Promise<T> },
  token: string,
  slug: string,
): Promise<string> {
  const result = await api.data<{ workspace: { members: { nodes: { id: string; isViewer: boolean }[] } } }>(MEMBERS, {
    token,
    variables: { slug },
  });
  return result.workspace.members.nodes.find((node) => node.isViewer)?.id ?? '';
}

describe('members and roles', () => {
  test('WS-4.1 members see each other with roles', async ({ api, user, workspace }) => {
    const viewer = await api.addMember(user, workspace, 'VIEWER');
    const result = await api.data<{
      workspace: { members: { totalCount: number; nodes: { role: string; user: { email: string } }[] } };
    }>(MEMBERS, { token: viewer.accessToken, variables: { slug: workspace.slug } });
    expect(result.workspace.members.totalCount).toBe(2);
    expect(result.workspace.members.nodes).toEqual([
      expect.objectContaining({ role: 'OWNER', user: expect.objectContaining({ email: user.email }) }),
      expect.objectContaining({ role: 'VIEWER', user: expect.objectContaining({ email: viewer.email }) }),
    ]);
  });

  test('WS-4.2 admins change roles below OWNER; only owners touch OWNER', async ({ api, user, workspace }) => {
    const admin = await api.addMember(user, workspace, 'ADMIN');
    const member = await api.addMember(user, workspace, 'MEMBER');
    const change = (token: string, membershipId: string, role: string) =>
      api.operation(CHANGE, { token, variables: { input: { membershipId, role } } });
    expect((await change(admin.accessToken, member.membershipId, 'VIEWER')).body.data).toEqual({
      changeMemberRole: { role: 'VIEWER' },
    });
    expect(errorCodes((await change(admin.accessToken, member.membershipId, 'OWNER')).body)).toEqual(['FORBIDDEN']);
    const ownerId = await ownerMembershipId(api, user.accessToken, workspace.slug);
    expect(errorCodes((await change(admin.accessToken, ownerId, 'MEMBER')).body)).toEqual(['FORBIDDEN']);
    expect((await change(user.accessToken, member.membershipId, 'OWNER')).body.data).toEqual({
      changeMemberRole: { role: 'OWNER' },
    });
    // An owner who steps down reads their new role in the same answer.
    const steppedDown = await api.operation(
      'mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role workspace { viewerRole } } }',
      { token: user.accessToken, variables: { input: { membershipId: ownerId, role: 'ADMIN' } } },
    );
    expect(steppedDown.body.data).toEqual({ changeMemberRole: { role: 'ADMIN', workspace: { viewerRole: 'ADMIN' } } });
  });

  test('WS-4.3 admins remove members; only owners remove owners', async ({ api, user, workspace }) => {
    const admin = await api.addMember(user, workspace, 'ADMIN');
    const member = await api.addMember(user, workspace, 'MEMBER');
    expect(
      (await api.operation(REMOVE, { token: admin.accessToken, variables: { id: member.membershipId } })).body,
    ).toEqual({
      data: { removeMember: true },
    });
    expect(errorCodes((await api.operation('{ me { id } }', { token: member.accessToken })).body)).toEqual([]);
    const gone = await api.operation(MEMBERS, { token: member.accessToken, variables: { slug: workspace.slug } });
    expect(errorCodes(gone.body)).toEqual(['NOT_FOUND']);
    const ownerId = await ownerMembershipId(api, user.accessToken, workspace.slug);
    expect(
      errorCodes((await api.operation(REMOVE, { token: admin.accessToken, variables: { id: ownerId } })).body),
    ).toEqual(['FORBIDDEN']);
  });

  test('WS-4.4 a member leaves', async ({ api, user, workspace }) => {
    const member = await api.addMember(user, workspace, 'MEMBER');
    expect((await api.operation(LEAVE, { token: member.accessToken, variables: { id: workspace.id } })).body).toEqual({
      data: { leaveWorkspace: true },
    });
    expect(await api.db.prisma.membership.count({ where: { workspace: { slug: workspace.slug } } })).toBe(1);
  });

  test('WS-4.5 the last owner cannot be demoted, removed or leave', async ({ api, user, workspace }) => {
    const ownerId = await ownerMembershipId(api, user.accessToken, workspace.slug);
    const demote = await api.operation(CHANGE, {
      token: user.accessToken,
      variables: { input: { membershipId: ownerId, role: 'ADMIN' } },
    });
    expect(errorCodes(demote.body)).toEqual(['CONFLICT']);
    expect(
      errorCodes((await api.operation(REMOVE, { token: user.accessToken, variables: { id: ownerId } })).body),
    ).toEqual(['CONFLICT']);
    expect(
      errorCodes((await api.operation(LEAVE, { token: user.accessToken, variables: { id: workspace.id } })).body),
    ).toEqual(['CONFLICT']);
  });

  test('WS-4.5 two owners demoting each other at once leave one owner', async ({ api, user, workspace }) => {
    const second = await api.addMember(user, workspace, 'OWNER');
    const firstId = await ownerMembershipId(api, user.accessToken, workspace.slug);
    const results = await Promise.all([
      api.operation(CHANGE, {
        token: user.accessToken,
        variables: { input: { membershipId: second.membershipId, role: 'MEMBER' } },
      }),
      api.operation(CHANGE, {
        token: second.accessToken,
        variables: { input: { membershipId: firstId, role: 'MEMBER' } },
      }),
    ]);
    expect(results.flatMap((result) => errorCodes(result.body)).filter(Boolean).length).toBeLessThanOrEqual(1);
    expect(
      await api.db.prisma.membership.count({ where: { workspace: { slug: workspace.slug }, role: 'OWNER' } }),
    ).toBe(1);
  });

  test('WS-6.3 the viewer’s permissions and which members they may manage come from the role table', async ({
    api,
    user,
    workspace,
  }) => {
    const admin = await api.addMember(user, workspace, 'ADMIN');
    await api.addMember(user, workspace, 'MEMBER');
    const seen = await api.data<{
      workspace: {
        viewerCan: { manageMembers: boolean; deleteWorkspace: boolean; assignableRoles: string[] };
        members: { nodes: { role: string; isViewer: boolean; viewerCanManage: boolean }[] };
      };
    }>(
      'query($slug: String!) { workspace(slug: $slug) { viewerCan { manageMembers deleteWorkspace assignableRoles } members { nodes { role isViewer viewerCanManage } } } }',
      { token: admin.accessToken, variables: { slug: workspace.slug } },
    );
    expect(seen.workspace.viewerCan).toEqual({
      manageMembers: true,
      deleteWorkspace: false,
      assignableRoles: ['ADMIN', 'MEMBER', 'VIEWER'],
    });
    expect(seen.workspace.members.nodes.map(({ role, viewerCanManage }) => [role, viewerCanManage])).toEqual([
      ['OWNER', false],
      ['ADMIN', false],
      ['MEMBER', true],
    ]);
  });
});
