// node(id) and nodes(ids) for callers without a token (workspaces 1.6, 5.2): they are told to sign in, whether
// or not the ids name anything, so an anonymous caller cannot learn which ids exist.
import { describe, expect, test } from './fixtures.ts';
import { errorCodes } from './test-api.ts';

describe('node for anonymous callers', () => {
  test('WS-1.6, WS-5.2 node(id) and nodes(ids) answer UNAUTHENTICATED alike for ids that exist and ids that do not', async ({
    api,
    user,
    workspace,
  }) => {
    const content = await api.createContent(user, workspace);
    const missing = Buffer.from(`Task:${crypto.randomUUID()}`).toString('base64');
    const node = (id: string) => api.operation('query($id: ID!) { node(id: $id) { id } }', { variables: { id } });
    const existing = await node(content.taskId);
    expect(errorCodes(existing.body)).toEqual(['UNAUTHENTICATED']);
    expect(existing.body).toEqual((await node(missing)).body);
    expect((await node(user.id)).body).toEqual(existing.body);
    expect((await node(workspace.id)).body).toEqual(existing.body);

    const nodes = (ids: string[]) =>
      api.operation('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { variables: { ids } });
    const some = await nodes([content.taskId, user.id]);
    expect(errorCodes(some.body)).toEqual(['UNAUTHENTICATED']);
    expect(some.body).toEqual((await nodes([missing, missing])).body);
  });
});
