import { describe, expect, test } from '../../../test/fixtures.ts';
import { errorCodes } from '../../../test/test-api.ts';

const INVITE = `mutation($input: InviteMemberInput!) {
  inviteMember(input: $input) { url invitation { id email role expiresAt invitedByName } }
}`;
const PREVIEW = 'query($token: String!) { invitation(token: $token) { workspaceName role email invitedByName } }';
const ACCEPT = 'mutation($token: String!) { acceptInvitation(token: $token) { role workspace { slug } } }';
const PENDING = 'query($slug: String!) { workspace(slug: $slug) { invitations { nodes { id email role } } } }';

type InviteData = { inviteMember: { url: string; invitation: { id: string; expiresAt: string } } };
const tokenOf = (url: string) => url.split('/invite/')[1] ?? '';

describe('invitations', () => {
  test('WS-3.1 returns a one-time link, stores only the hash and expires in 7 days', async ({
    api,
    user,
    workspace,
  }) => {
    const result = await api.data<InviteData>(INVITE, {
      token: user.accessToken,
      variables: { input: { workspaceId: workspace.id, email: ' New.Person@Example.com ', role: 'MEMBER' } },
    });
    expect(result.inviteMember.url).toMatch(/^http:\/\/yello\.test\/invite\/[\w-]{43}$/);
    const token = tokenOf(result.inviteMember.url);
    const stored = await api.db.prisma.invitation.findFirstOrThrow({ where: { workspace: { slug: workspace.slug } } });
    expect(stored.email).toBe('new.person@example.com');
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * 86_400_000);
  });

  test('WS-3.2 only an OWNER invites as OWNER', async ({ api, user, workspace }) => {
    const admin = await api.addMember(user, workspace, 'ADMIN');
    const input = { workspaceId: workspace.id, email: 'boss@example.com', role: 'OWNER' };
    expect(errorCodes((await api.operation(INVITE, { token: admin.accessToken, variables: { input } })).body)).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      (await api.operation(INVITE, { token: user.accessToken, variables: { input } })).body.errors,
    ).toBeUndefined();
  });

  test('WS-3.3 refuses members, and replaces an earlier pending invitation', async ({ api, user, workspace }) => {
    const member = await api.addMember(user, workspace, 'MEMBER');
    const again = await api.operation(INVITE, {
      token: user.accessToken,
      variables: { input: { workspaceId: workspace.id, email: member.email, role: 'ADMIN' } },
    });
    expect(errorCodes(again.body)).toEqual(['CONFLICT']);
    expect(again.body.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(['input', 'email']);

    const input = { workspaceId: workspace.id, email: 'twice@example.com', role: 'VIEWER' };
    const first = await api.data<InviteData>(INVITE, { token: user.accessToken, variables: { input } });
    await api.data<InviteData>(INVITE, { token: user.accessToken, variables: { input: { ...input, role: 'MEMBER' } } });
    const preview = await api.operation(PREVIEW, { variables: { token: tokenOf(first.inviteMember.url) } });
    expect(errorCodes(preview.body)).toEqual(['NOT_FOUND']);
    const pending = await api.data<{ workspace: { invitations: { nodes: { email: string; role: string }[] } } }>(
      PENDING,
      {
        token: user.accessToken,
        variables: { slug: workspace.slug },
      },
    );
    expect(pending.workspace.invitations.nodes).toEqual([
      expect.objectContaining({ email: 'twice@example.com', role: 'MEMBER' }),
    ]);
  });

  test('WS-3.4 admins list and revoke pending invitations; members may not list them', async ({
    api,
    user,
    workspace,
  }) => {
    const invited = await api.data<InviteData>(INVITE, {
      token: user.accessToken,
      variables: { input: { workspaceId: workspace.id, email: 'list@example.com', role: 'VIEWER' } },
    });
    const member = await api.addMember(user, workspace, 'MEMBER');
    const asMember = await api.operation(PENDING, { token: member.accessToken, variables: { slug: workspace.slug } });
    expect(errorCodes(asMember.body)).toEqual(['FORBIDDEN']);
    const listed = await api.operation(PENDING, { token: user.accessToken, variables: { slug: workspace.slug } });
    expect(JSON.stringify(listed.body)).not.toContain(tokenOf(invited.inviteMember.url));
    const revoked = await api.operation('mutation($id: ID!) { revokeInvitation(id: $id) }', {
      token: user.accessToken,
      variables: { id: invited.inviteMember.invitation.id },
    });
    expect(revoked.body).toEqual({ data: { revokeInvitation: true } });
    const preview = await api.operation(PREVIEW, { variables: { token: tokenOf(invited.inviteMember.url) } });
    expect(errorCodes(preview.body)).toEqual(['NOT_FOUND']);
  });

  test('WS-3.5 anyone with the link sees what it offers; other tokens are NOT_FOUND', async ({
    api,
    user,
    workspace,
  }) => {
    const invited = await api.data<InviteData>(INVITE, {
      token: user.accessToken,
      variables: { input: { workspaceId: workspace.id, email: 'peek@example.com', role: 'ADMIN' } },
    });
    const preview = await api.operation(PREVIEW, { variables: { token: tokenOf(invited.inviteMember.url) } });
    expect(preview.body.data).toEqual({
      invitation: { workspaceName: workspace.name, role: 'ADMIN', email: 'peek@example.com', invitedByName: user.name },
    });
    expect(errorCodes((await api.operation(PREVIEW, { variables: { token: 'made-up' } })).body)).toEqual(['NOT_FOUND']);
    api.clock.advance(7 * 86_400_000 + 1000);
    try {
      const expired = await api.operation(PREVIEW, { variables: { token: tokenOf(invited.inviteMember.url) } });
      expect(errorCodes(expired.body)).toEqual(['NOT_FOUND']);
    } finally {
      api.clock.advance(-(7 * 86_400_000 + 1000));
    }
  });

  test('WS-3.6 the invited user joins with the role, once', async ({ api, user, workspace }) => {
    const invitee = await api.signUp();
    const invited = await api.data<InviteData>(INVITE, {
      token: user.accessToken,
      variables: { input: { workspaceId: workspace.id, email: invitee.email.toUpperCase(), role: 'VIEWER' } },
    });
    const token = tokenOf(invited.inviteMember.url);
    const accepted = await api.operation(ACCEPT, { token: invitee.accessToken, variables: { token } });
    expect(accepted.body.data).toEqual({ acceptInvitation: { role: 'VIEWER', workspace: { slug: workspace.slug } } });
    const reused = await api.operation(ACCEPT, { token: invitee.accessToken, variables: { token } });
    expect(errorCodes(reused.body)).toEqual(['NOT_FOUND']);
  });

  test('WS-3.7 another email is FORBIDDEN and named; members get CONFLICT; strangers need to sign in', async ({
    api,
    user,
    workspace,
  }) => {
    const invited = await api.data<InviteData>(INVITE, {
      token: user.accessToken,
      variables: { input: { workspaceId: workspace.id, email: 'right@example.com', role: 'MEMBER' } },
    });
    const token = tokenOf(invited.inviteMember.url);
    const wrong = await api.signUp();
    const attempt = await api.operation(ACCEPT, { token: wrong.accessToken, variables: { token } });
    expect(errorCodes(attempt.body)).toEqual(['FORBIDDEN']);
    expect(attempt.body.errors?.[0]?.message).toContain('right@example.com');
    expect(errorCodes((await api.operation(ACCEPT, { variables: { token } })).body)).toEqual(['UNAUTHENTICATED']);
    expect(await api.db.prisma.membership.count({ where: { workspace: { slug: workspace.slug } } })).toBe(1);
  });
});
