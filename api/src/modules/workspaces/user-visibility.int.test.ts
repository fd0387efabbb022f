// Who sees whom (workspaces 5.6): another user's name and email are visible only while you share a workspace.
import { describe, expect, test } from '../../../test/fixtures.ts';
import type { SignedUpUser, TestApi } from '../../../test/test-api.ts';
import { errorCodes } from '../../../test/test-api.ts';

const NODE = 'query($id: ID!) { node(id: $id) { id ... on User { name email } } }';
const NODES = 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on User { name email } } }';
const MEMBERS = `query($slug: String!) {
  workspace(slug: $slug) { members { nodes { role user { id name email } } } }
}`;

const missingUserId = () => Buffer.from(`User:${crypto.randomUUID()}`).toString('base64');

/** The answer to node(id) for `id`, as `viewer`. */
const nodeAs = (api: TestApi, viewer: SignedUpUser, id: string) =>
  api.operation<{ node: { id: string; name?: string; email?: string } | null }>(NODE, {
    token: viewer.accessToken,
    variables: { id },
  });

type Parting = 'leaves' | 'is removed';

describe('user visibility', () => {
  test('WS-5.6 a co-member’s name and email are readable through the members list, node(id) and nodes(ids)', async ({
    api,
    user,
    workspace,
  }) => {
    const teammate = await api.addMember(user, workspace, 'VIEWER');
    const members = await api.data<{
      workspace: { members: { nodes: { role: string; user: { id: string; name: string; email: string } }[] } };
    }>(MEMBERS, { token: user.accessToken, variables: { slug: workspace.slug } });
    expect(members.workspace.members.nodes).toContainEqual({
      role: 'VIEWER',
      user: { id: teammate.id, name: teammate.name, email: teammate.email },
    });

    const theirs = await nodeAs(api, user, teammate.id);
    expect(theirs.body).toEqual({ data: { node: { id: teammate.id, name: teammate.name, email: teammate.email } } });
    const mine = await nodeAs(api, teammate, user.id);
    expect(mine.body).toEqual({ data: { node: { id: user.id, name: user.name, email: user.email } } });
    const both = await api.operation(NODES, {
      token: teammate.accessToken,
      variables: { ids: [user.id, teammate.id] },
    });
    expect(both.body).toEqual({
      data: {
        nodes: [
          { id: user.id, name: user.name, email: user.email },
          { id: teammate.id, name: teammate.name, email: teammate.email },
        ],
      },
    });
  });

  test('WS-5.6 a user who shares no workspace with you is NOT_FOUND, exactly like a user that does not exist', async ({
    api,
    user,
  }) => {
    const stranger = await api.signUp();
    await api.createWorkspace(stranger, 'Elsewhere');
    const hidden = await nodeAs(api, user, stranger.id);
    const missing = await nodeAs(api, user, missingUserId());
    expect(errorCodes(hidden.body)).toEqual(['NOT_FOUND']);
    expect(hidden.body).toEqual(missing.body);
    expect(JSON.stringify(hidden.body)).not.toContain(stranger.email);
  });

  test.for<Parting>(['leaves', 'is removed'])(
    'WS-5.6 when a member %s and no workspace is shared any more, node(id) on either of them is NOT_FOUND like a missing id',
    async (parting, { api, user, workspace }) => {
      const teammate = await api.addMember(user, workspace, 'MEMBER');
      expect((await nodeAs(api, user, teammate.id)).body.data?.node?.email).toBe(teammate.email);

      await api.endMembership(user, teammate, workspace, parting);

      const missing = await nodeAs(api, user, missingUserId());
      const theirs = await nodeAs(api, user, teammate.id);
      expect(errorCodes(theirs.body)).toEqual(['NOT_FOUND']);
      expect(theirs.body).toEqual(missing.body);
      expect(JSON.stringify(theirs.body)).not.toContain(teammate.email);
      const mine = await nodeAs(api, teammate, user.id);
      expect(mine.body).toEqual((await nodeAs(api, teammate, missingUserId())).body);
      expect(JSON.stringify(mine.body)).not.toContain(user.email);
      const members = await api.data<{ workspace: { members: { nodes: { user: { id: string } }[] } } }>(MEMBERS, {
        token: user.accessToken,
        variables: { slug: workspace.slug },
      });
      expect(members.workspace.members.nodes.map((member) => member.user.id)).toEqual([user.id]);
    },
  );

  test('WS-5.6 a member who leaves one workspace stays visible to those they still share another with', async ({
    api,
    user,
    workspace,
  }) => {
    const teammate = await api.addMember(user, workspace, 'MEMBER');
    const other = await api.createWorkspace(user, 'Other');
    const alsoThere = await api.addMember(user, other, 'MEMBER');
    // `teammate` joins `other` too, with its own invitation.
    await api.join(user, other, teammate, 'VIEWER');

    await api.endMembership(user, teammate, workspace, 'leaves');

    const stillShared = await nodeAs(api, user, teammate.id);
    expect(stillShared.body).toEqual({
      data: { node: { id: teammate.id, name: teammate.name, email: teammate.email } },
    });
    const viaOther = await nodeAs(api, alsoThere, teammate.id);
    expect(viaOther.body.data?.node?.email).toBe(teammate.email);
    expect((await nodeAs(api, teammate, alsoThere.id)).body.data?.node?.email).toBe(alsoThere.email);
  });
});
