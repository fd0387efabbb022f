import { describe, expect, test } from '../../../test/fixtures.ts';

const PAGE = `query($slug: String!) {
  workspace(slug: $slug) {
    name viewerRole
    members { totalCount nodes { role isViewer user { name email } workspace { name } } }
    invitations { nodes { email invitedByName } }
  }
  workspaces { nodes { name viewerRole } }
}`;

describe('membership look-ups', () => {
  test('WS-5.4, PT-9.6 one membership query per request, and a constant number of statements whatever the member count', async ({
    api,
    user,
    workspace,
  }) => {
    const statementsFor = async () => {
      api.db.statements.length = 0;
      const result = await api.operation(PAGE, { token: user.accessToken, variables: { slug: workspace.slug } });
      expect(result.body.errors).toBeUndefined();
      return [...api.db.statements];
    };
    await api.addMember(user, workspace, 'MEMBER');
    const small = await statementsFor();
    for (const role of ['ADMIN', 'MEMBER', 'VIEWER', 'VIEWER'] as const) await api.addMember(user, workspace, role);
    const large = await statementsFor();

    expect(large.length).toBe(small.length);
    // The viewer's memberships are read once, with the session (PT-9.6), and never on their own.
    const viewerMemberships = large.filter((sql) =>
      /FROM "public"\."Membership"(?: AS "\w+")? WHERE (?:"public"\."Membership"|"\w+")\."userId" = \$1(?: OFFSET \$2)?$/.test(
        sql,
      ),
    );
    expect(viewerMemberships).toHaveLength(0);
    const withSession = large.filter((sql) => sql.includes('FROM "public"."Session"') && sql.includes('"Membership"'));
    expect(withSession).toHaveLength(1);
  });
});
