// Fields some roles may not read (workspaces 5.9): found in the schema by the scopes they declare, each is nullable,
// so a member below its role gets FORBIDDEN for that field alone and the rest of the object beside it.
import { getNullableType, isNonNullType, isObjectType } from 'graphql';
import { declaredScopes, scopesAskedFor } from '../../../test/declared-scopes.ts';
import { describe, expect, test } from '../../../test/fixtures.ts';
import { schema } from '../../graphql/schema.ts';

const READ = 'query($slug: String!) { workspace(slug: $slug) { name invitations { nodes { email role } } } }';

/** `Type.field` for every field of an object type (root types aside) whose declared scopes ask for a role. */
async function roleRestrictedFields() {
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
  const fields = Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => !roots.has(type.name))
    .flatMap((type) => Object.values(type.getFields()).map((field) => ({ type, field })));
  const restricted = [];
  for (const entry of fields) {
    const declared = declaredScopes(entry.field.extensions);
    if (declared !== undefined && (await scopesAskedFor(declared)).includes('role')) restricted.push(entry);
  }
  return restricted;
}

describe('role-restricted fields', () => {
  test('WS-5.9 every field whose scopes ask for a role is nullable', async () => {
    const restricted = await roleRestrictedFields();
    expect(restricted.map(({ type, field }) => `${type.name}.${field.name}`)).toContain('Workspace.invitations');
    expect(
      restricted
        .filter(({ field }) => isNonNullType(field.type))
        .map(({ type, field }) => `${type.name}.${field.name}: ${getNullableType(field.type)}!`),
    ).toEqual([]);
  });

  test.for(['MEMBER', 'VIEWER'] as const)(
    'WS-5.9, WS-5.3 a %s reading a workspace’s invitations gets its name, null invitations and one FORBIDDEN there',
    async (role, { api, user, workspace }) => {
      const reader = await api.addMember(user, workspace, role);
      const result = await api.operation(READ, { token: reader.accessToken, variables: { slug: workspace.slug } });
      expect(result.body.data).toEqual({ workspace: { name: workspace.name, invitations: null } });
      expect(result.body.errors?.map(({ path, extensions }) => ({ path, code: extensions?.code }))).toEqual([
        { path: ['workspace', 'invitations'], code: 'FORBIDDEN' },
      ]);
    },
  );

  test('WS-5.9, WS-3.4 an ADMIN reading the same gets the name and the pending invitations', async ({
    api,
    user,
    workspace,
  }) => {
    const admin = await api.addMember(user, workspace, 'ADMIN');
    await api.data('mutation($input: InviteMemberInput!) { inviteMember(input: $input) { url } }', {
      token: user.accessToken,
      variables: { input: { workspaceId: workspace.id, email: 'pending@example.com', role: 'VIEWER' } },
    });
    const result = await api.operation(READ, { token: admin.accessToken, variables: { slug: workspace.slug } });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data).toEqual({
      workspace: { name: workspace.name, invitations: { nodes: [{ email: 'pending@example.com', role: 'VIEWER' }] } },
    });
  });
});
