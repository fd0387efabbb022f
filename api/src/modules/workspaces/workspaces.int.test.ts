import { describe, expect, test } from '../../../test/fixtures.ts';
import { errorCodes } from '../../../test/test-api.ts';

const CREATE = 'mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id name slug viewerRole } }';
const BY_SLUG = 'query($slug: String!) { workspace(slug: $slug) { id name slug viewerRole members { totalCount } } }';
const UPDATE = 'mutation($input: UpdateWorkspaceInput!) { updateWorkspace(input: $input) { name slug } }';
const DELETE = 'mutation($input: DeleteWorkspaceInput!) { deleteWorkspace(input: $input) }';

describe('create and list workspaces', () => {
  test('WS-1.1 creates the workspace with the caller as OWNER', async ({ api, user }) => {
    const result = await api.operation(CREATE, {
      token: user.accessToken,
      variables: { input: { name: ' Acme Inc ', slug: ' Acme-Inc ' } },
    });
    expect(result.body.data).toMatchObject({
      createWorkspace: { name: 'Acme Inc', slug: 'acme-inc', viewerRole: 'OWNER' },
    });
  });

  test('WS-1.2 refuses a bad or reserved slug and an empty name, with field errors', async ({ api, user }) => {
    const result = await api.operation(CREATE, {
      token: user.accessToken,
      variables: { input: { name: ' ', slug: 'login' } },
    });
    expect(errorCodes(result.body)).toEqual(['BAD_USER_INPUT']);
    expect(result.body.errors?.[0]?.extensions?.fieldErrors?.map((error) => error.path.join('.')).sort()).toEqual([
      'input.name',
      'input.slug',
    ]);
  });

  test('WS-1.3 refuses a taken slug with CONFLICT on the slug', async ({ api, user, workspace }) => {
    const result = await api.operation(CREATE, {
      token: user.accessToken,
      variables: { input: { name: 'Copy', slug: workspace.slug.toUpperCase() } },
    });
    expect(errorCodes(result.body)).toEqual(['CONFLICT']);
    expect(result.body.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(['input', 'slug']);
  });

  test('WS-1.4 lists exactly the workspaces the viewer belongs to, with their role', async ({
    api,
    user,
    workspace,
  }) => {
    const other = await api.createWorkspace(await api.signUp(), 'Other');
    const second = await api.createWorkspace(user, 'Beta');
    const listed = await api.data<{
      workspaces: { nodes: { slug: string }[] };
      me: { memberships: { role: string; workspace: { slug: string } }[] };
    }>('{ workspaces { nodes { slug } } me { memberships { role workspace { slug } } } }', { token: user.accessToken });
    expect(listed.workspaces.nodes.map((node) => node.slug).sort()).toEqual([workspace.slug, second.slug].sort());
    expect(listed.me.memberships).toHaveLength(2);
    expect(listed.me.memberships.every((membership) => membership.role === 'OWNER')).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(other.slug);
  });

  test('WS-1.5 workspace(slug) for a member; NOT_FOUND alike for non-members and unknown slugs', async ({
    api,
    user,
    workspace,
  }) => {
    const mine = await api.operation(BY_SLUG, { token: user.accessToken, variables: { slug: workspace.slug } });
    expect(mine.body.data).toMatchObject({
      workspace: { slug: workspace.slug, viewerRole: 'OWNER', members: { totalCount: 1 } },
    });
    const stranger = await api.signUp();
    const theirs = await api.operation(BY_SLUG, { token: stranger.accessToken, variables: { slug: workspace.slug } });
    const missing = await api.operation(BY_SLUG, { token: stranger.accessToken, variables: { slug: 'no-such-space' } });
    expect(errorCodes(theirs.body)).toEqual(['NOT_FOUND']);
    expect(theirs.body).toEqual(missing.body);
  });

  test('WS-1.6 anonymous callers are UNAUTHENTICATED', async ({ api, workspace }) => {
    expect(errorCodes((await api.operation('{ workspaces { nodes { id } } }')).body)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes((await api.operation(BY_SLUG, { variables: { slug: workspace.slug } })).body)).toEqual([
      'UNAUTHENTICATED',
    ]);
    const create = await api.operation(CREATE, { variables: { input: { name: 'X', slug: 'xyz-anon' } } });
    expect(errorCodes(create.body)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('workspace settings', () => {
  test('WS-2.1 changes only the fields given', async ({ api, user, workspace }) => {
    const renamed = await api.operation(UPDATE, {
      token: user.accessToken,
      variables: { input: { id: workspace.id, name: 'Renamed' } },
    });
    expect(renamed.body.data).toEqual({ updateWorkspace: { name: 'Renamed', slug: workspace.slug } });
    const moved = await api.operation(UPDATE, {
      token: user.accessToken,
      variables: { input: { id: workspace.id, slug: `${workspace.slug}-2` } },
    });
    expect(moved.body.data).toEqual({ updateWorkspace: { name: 'Renamed', slug: `${workspace.slug}-2` } });
  });

  test('WS-2.1 applies the slug rules and uniqueness', async ({ api, user, workspace }) => {
    const other = await api.createWorkspace(user, 'Other');
    const taken = await api.operation(UPDATE, {
      token: user.accessToken,
      variables: { input: { id: workspace.id, slug: other.slug } },
    });
    expect(errorCodes(taken.body)).toEqual(['CONFLICT']);
    const bad = await api.operation(UPDATE, {
      token: user.accessToken,
      variables: { input: { id: workspace.id, slug: 'Bad Slug' } },
    });
    expect(errorCodes(bad.body)).toEqual(['BAD_USER_INPUT']);
  });

  test('WS-2.2 deletes the workspace with its memberships and invitations', async ({ api, user, workspace }) => {
    await api.addMember(user, workspace, 'MEMBER');
    await api.data('mutation($input: InviteMemberInput!) { inviteMember(input: $input) { url } }', {
      token: user.accessToken,
      variables: { input: { workspaceId: workspace.id, email: 'later@example.com', role: 'VIEWER' } },
    });
    const result = await api.operation(DELETE, {
      token: user.accessToken,
      variables: { input: { id: workspace.id, confirmSlug: workspace.slug } },
    });
    expect(result.body).toEqual({ data: { deleteWorkspace: true } });
    const where = { workspace: { slug: workspace.slug } };
    expect(await api.db.prisma.membership.count({ where })).toBe(0);
    expect(await api.db.prisma.invitation.count({ where })).toBe(0);
    expect(await api.db.prisma.workspace.count({ where: { slug: workspace.slug } })).toBe(0);
  });

  test('WS-2.3 refuses a wrong confirmation and deletes nothing', async ({ api, user, workspace }) => {
    const result = await api.operation(DELETE, {
      token: user.accessToken,
      variables: { input: { id: workspace.id, confirmSlug: 'nope-nope' } },
    });
    expect(result.body.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(['input', 'confirmSlug']);
    expect(await api.db.prisma.workspace.count({ where: { slug: workspace.slug } })).toBe(1);
  });
});
