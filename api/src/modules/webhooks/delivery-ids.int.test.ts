// A delivery's id is its `webhook-id` (`msg_…`), not a UUID like every other id: reading it through `node`, paging the
// delivery log with its cursors and redelivering it must all accept it (HOOK-8.1, HOOK-8.2).
import { describe, expect, test } from '../../../test/fixtures.ts';
import { errorCodes } from '../../../test/test-api.ts';

const DELIVERIES = `query($slug: String!, $after: String) { workspace(slug: $slug) { webhooks {
  deliveries(first: 1, after: $after) { pageInfo { hasNextPage endCursor } nodes { id webhookId type state } } } } }`;

interface Deliveries {
  workspace: {
    webhooks: {
      deliveries: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { id: string; webhookId: string; type: string; state: string }[];
      };
    }[];
  };
}

describe('delivery ids', () => {
  test('HOOK-8.1, HOOK-8.2 a delivery is read through node, its log pages on by cursor, and it is redelivered by its id', async ({
    api,
    user,
    workspace,
  }) => {
    const token = user.accessToken;
    await api.data(
      'mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret } }',
      // Nothing listens there: the deliveries are only made, not sent.
      {
        token,
        variables: { input: { workspaceId: workspace.id, url: 'http://127.0.0.1:9/', eventTypes: ['LABEL_CREATED'] } },
      },
    );
    for (const name of ['Bug', 'Idea']) {
      await api.data('mutation($input: CreateLabelInput!) { createLabel(input: $input) { id } }', {
        token,
        variables: { input: { workspaceId: workspace.id, name, color: '#d92d20' } },
      });
    }
    expect(await api.app.webhookDispatcher.enqueue()).toBe(2);

    const first = await api.data<Deliveries>(DELIVERIES, { token, variables: { slug: workspace.slug } });
    const [page] = first.workspace.webhooks.map((webhook) => webhook.deliveries);
    const [newest] = page?.nodes ?? [];
    expect(newest).toMatchObject({ webhookId: expect.stringMatching(/^msg_[0-9a-f]{32}$/), type: 'label.created' });
    expect(page?.pageInfo.hasNextPage).toBe(true);

    const next = await api.operation<Deliveries>(DELIVERIES, {
      token,
      variables: { slug: workspace.slug, after: page?.pageInfo.endCursor },
    });
    expect(errorCodes(next.body)).toEqual([]);
    const [older] = next.body.data?.workspace.webhooks[0]?.deliveries.nodes ?? [];
    expect(older?.webhookId).toMatch(/^msg_/);
    expect(older?.webhookId).not.toBe(newest?.webhookId);

    const read = await api.operation<{ node: { __typename: string; webhookId: string } | null }>(
      'query($id: ID!) { node(id: $id) { __typename ... on WebhookDelivery { webhookId } } }',
      { token, variables: { id: newest?.id } },
    );
    expect(errorCodes(read.body)).toEqual([]);
    expect(read.body.data?.node).toEqual({ __typename: 'WebhookDelivery', webhookId: newest?.webhookId });

    const redelivered = await api.operation<{ redeliverWebhookDelivery: { webhookId: string; state: string } }>(
      'mutation($id: ID!) { redeliverWebhookDelivery(id: $id) { webhookId state } }',
      { token, variables: { id: newest?.id } },
    );
    expect(errorCodes(redelivered.body)).toEqual([]);
    expect(redelivered.body.data?.redeliverWebhookDelivery).toEqual({ webhookId: newest?.webhookId, state: 'PENDING' });
  });

  test('HOOK-8.2 an id that is neither a UUID nor a delivery id, or a delivery id given as another type, is not found', async ({
    api,
    user,
  }) => {
    const encode = (value: string) => Buffer.from(value).toString('base64');
    for (const id of [encode('WebhookDelivery:msg_nothex'), encode('Task:msg_0123456789abcdef0123456789abcdef')]) {
      const result = await api.operation('query($id: ID!) { node(id: $id) { id } }', {
        token: user.accessToken,
        variables: { id },
      });
      expect(errorCodes(result.body)).toEqual(['NOT_FOUND']);
    }
  });
});
