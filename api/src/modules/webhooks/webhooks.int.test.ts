// Webhooks (webhooks-and-audit requirements 4 to 6 and 8) through the real API and a real HTTP receiver: management,
// Standard Webhooks signatures verified by the `standardwebhooks` library, payloads, retries on the test clock,
// 410, disabling, order, one sender per delivery, the delivery log and redelivery.
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, beforeAll } from 'vitest';
import { describe, expect, test } from '../../../test/fixtures.ts';
import { uuid } from '../../../test/global-ids.ts';
import type { SignedUpUser, TestApi, TestWorkspace } from '../../../test/test-api.ts';
import { errorCodes } from '../../../test/test-api.ts';
import {
  CREATE_WEBHOOK,
  type CreatedWebhook,
  createWebhook,
  deliveryIds,
  type Receiver,
  startReceiver,
} from '../../../test/webhook-fixtures.ts';
import { systemAuditSource } from '../audit/audit-log.ts';
import { createWebhookDispatcher, FAILING_LIMIT_MS, FIRST_RETRY_MS, retryDelayMs } from './dispatcher.ts';
import { createOutboundHttp } from './outbound.ts';
import { createWebhookService, MAX_WEBHOOKS_PER_WORKSPACE } from './webhooks.ts';

const HOUR = 60 * 60 * 1000;

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

/** Forgets what earlier tests' rounds left: every pending delivery of the file's app is sent now. */
async function settle(api: TestApi) {
  for (let round = 0; round < 20; round += 1) {
    const { created, attempted } = await api.app.webhookDispatcher.runOnce();
    if (created === 0 && attempted === 0) return;
  }
}

const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id key } }`;

async function newTask(api: TestApi, user: SignedUpUser, projectId: string, title: string) {
  const { createTask } = await api.data<{ createTask: { id: string; key: string } }>(CREATE_TASK, {
    token: user.accessToken,
    variables: { input: { projectId, title } },
  });
  return createTask;
}

/** A workspace with content and a webhook for its task events, created after the content. */
async function hooked(api: TestApi, user: SignedUpUser, workspace: TestWorkspace, eventTypes?: string[]) {
  await settle(api);
  const content = await api.createContent(user, workspace);
  const created = await createWebhook(api, user, workspace, receiver.url, eventTypes);
  receiver.reset();
  return { content, ...created };
}

describe('managing webhooks', () => {
  test('HOOK-4.1 an admin creates a webhook and sees its secret once; afterwards it is listed without it; a MEMBER, a READ and a WRITE token are refused, an ADMIN token is not', async ({
    api,
    user,
    workspace,
  }) => {
    const { secret, webhook } = await createWebhook(api, user, workspace, receiver.url, ['TASK_MOVED']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhook).toMatchObject({ url: receiver.url, eventTypes: ['TASK_MOVED'], enabled: true });
    const listed = await api.operation(
      'query($slug: String!) { workspace(slug: $slug) { webhooks { id url eventTypes enabled description } } }',
      { token: user.accessToken, variables: { slug: workspace.slug } },
    );
    expect(listed.body.data).toEqual({
      workspace: {
        webhooks: [{ id: webhook.id, url: receiver.url, eventTypes: ['TASK_MOVED'], enabled: true, description: '' }],
      },
    });
    expect(JSON.stringify(listed.body)).not.toContain(secret.slice(6));

    const member = await api.addMember(user, workspace, 'MEMBER');
    const refused = await api.operation(CREATE_WEBHOOK, {
      token: member.accessToken,
      variables: { input: { workspaceId: workspace.id, url: receiver.url, eventTypes: ['TASK_MOVED'] } },
    });
    expect(errorCodes(refused.body)).toEqual(['FORBIDDEN']);
    const memberList = await api.operation('query($id: ID!) { node(id: $id) { id } }', {
      token: member.accessToken,
      variables: { id: webhook.id },
    });
    expect(errorCodes(memberList.body)).toEqual(['FORBIDDEN']);

    // From a script: an API token needs the ADMIN scope (INT-1.4's caps).
    const ISSUE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`;
    const tokenWith = async (scopes: string[]) =>
      (
        await api.data<{ createApiToken: { secret: string } }>(ISSUE, {
          token: user.accessToken,
          variables: {
            input: {
              workspaceId: workspace.id,
              name: scopes.join('+'),
              scopes,
              expiresAt: new Date(api.clock.now().getTime() + 86_400_000).toISOString(),
            },
          },
        })
      ).createApiToken.secret;
    const input = { workspaceId: workspace.id, url: receiver.url, eventTypes: ['TASK_CREATED'] };
    for (const scopes of [['READ'], ['READ', 'WRITE']]) {
      const refusedToken = await api.operation(CREATE_WEBHOOK, {
        token: await tokenWith(scopes),
        variables: { input },
      });
      expect(errorCodes(refusedToken.body)).toEqual(['FORBIDDEN']);
    }
    const scripted = await api.operation(CREATE_WEBHOOK, { token: await tokenWith(['ADMIN']), variables: { input } });
    expect(scripted.body.errors).toBeUndefined();
  });

  test('HOOK-4.2 a URL that is not https, carries credentials or is too long, no event type, or another workspace’s project is BAD_USER_INPUT at its field, and nothing is created', async ({
    api,
    user,
    workspace,
  }) => {
    const other = await api.createWorkspace(user, 'Elsewhere');
    const foreignProject = (await api.createContent(user, other)).projectId;
    const attempts: [Record<string, unknown>, string][] = [
      [{ url: 'ftp://example.com/hook' }, 'url'],
      [{ url: 'https://user:secret@example.com/hook' }, 'url'],
      [{ url: `https://example.com/${'a'.repeat(2000)}` }, 'url'],
      [{ eventTypes: [] }, 'eventTypes'],
      [{ projectIds: [foreignProject] }, 'projectIds'],
    ];
    for (const [change, field] of attempts) {
      const answer = await api.operation(CREATE_WEBHOOK, {
        token: user.accessToken,
        variables: { input: { workspaceId: workspace.id, url: receiver.url, eventTypes: ['TASK_MOVED'], ...change } },
      });
      expect(errorCodes(answer.body)).toEqual(['BAD_USER_INPUT']);
      const fieldErrors = answer.body.errors?.[0]?.extensions?.fieldErrors;
      expect(JSON.stringify(fieldErrors)).toContain(`"${field}"`);
    }
    expect(await api.db.prisma.webhook.count({ where: { url: { not: receiver.url } } })).toBe(0);

    // Production's checks (HOOK-7.1): a private or loopback address is refused when the webhook is created.
    const strict = createWebhookService({
      db: api.db.prisma,
      clock: api.clock,
      audit: api.app.services.audit,
      urls: createOutboundHttp({ allowPrivateAddresses: false, timeoutMs: 1000, maxResponseBytes: 1024 }),
    });
    const workspaceId = uuid(workspace.id);
    for (const url of ['https://127.0.0.1/hook', 'https://10.0.0.8/hook', 'https://[::ffff:127.0.0.1]/hook']) {
      await expect(
        strict.create(systemAuditSource, workspaceId, { url, eventTypes: ['TASK_MOVED'] }),
      ).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['input', 'url'] }] },
      });
    }
  });

  test('HOOK-4.3 an admin changes, disables, enables and deletes a webhook; enabling clears its failure state', async ({
    api,
    user,
    workspace,
  }) => {
    const { webhook } = await createWebhook(api, user, workspace, receiver.url, ['TASK_MOVED']);
    const UPDATE = `mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) {
      id url eventTypes description enabled disabledReason failingSince } }`;
    const changed = await api.data<{ updateWebhook: Record<string, unknown> }>(UPDATE, {
      token: user.accessToken,
      variables: { input: { id: webhook.id, eventTypes: ['TASK_CREATED', 'COMMENT_ADDED'], description: 'CI' } },
    });
    expect(changed.updateWebhook).toMatchObject({ eventTypes: ['TASK_CREATED', 'COMMENT_ADDED'], description: 'CI' });
    const bad = await api.operation(UPDATE, {
      token: user.accessToken,
      variables: { input: { id: webhook.id, url: 'http://user:pw@example.com/' } },
    });
    expect(errorCodes(bad.body)).toEqual(['BAD_USER_INPUT']);

    const id = uuid(webhook.id);
    await api.db.prisma.webhook.update({
      where: { id },
      data: { enabled: false, disabledReason: 'The endpoint answered 410 Gone.', failingSince: api.clock.now() },
    });
    const enabled = await api.data<{ updateWebhook: Record<string, unknown> }>(UPDATE, {
      token: user.accessToken,
      variables: { input: { id: webhook.id, enabled: true } },
    });
    expect(enabled.updateWebhook).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });

    await api.data('mutation($id: ID!) { deleteWebhook(id: $id) }', {
      token: user.accessToken,
      variables: { id: webhook.id },
    });
    expect(await api.db.prisma.webhook.count({ where: { id } })).toBe(0);
  });

  test('HOOK-1.1 creating, changing, rotating and deleting a webhook each write an audit entry with the admin, the session and the client; a webhook Yello disables writes one with no actor', async ({
    api,
    user,
    workspace,
  }) => {
    const { webhook } = await createWebhook(api, user, workspace, receiver.url, ['TASK_MOVED']);
    const headers = { 'user-agent': 'Webhook admin/1.0', 'x-forwarded-for': '203.0.113.9' };
    await api.data('mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { id } }', {
      token: user.accessToken,
      headers,
      variables: { input: { id: webhook.id, description: 'Audited' } },
    });
    await api.data('mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }', {
      token: user.accessToken,
      headers,
      variables: { id: webhook.id },
    });
    const id = uuid(webhook.id);
    const entries = await api.db.prisma.auditEntry.findMany({ where: { targetId: id }, orderBy: { createdAt: 'asc' } });
    expect(entries.map((entry) => entry.action)).toEqual([
      'WEBHOOK_CREATED',
      'WEBHOOK_UPDATED',
      'WEBHOOK_SECRET_ROTATED',
    ]);
    const userId = uuid(user.id);
    expect(entries[1]).toMatchObject({
      actorId: userId,
      targetType: 'WEBHOOK',
      targetLabel: receiver.url,
      ipAddress: '203.0.113.9',
      userAgent: 'Webhook admin/1.0',
      details: { fields: ['description'] },
    });
    expect(entries.every((entry) => entry.sessionId !== null && entry.actorId === userId)).toBe(true);

    await settle(api);
    receiver.answer(410);
    await api.data('mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { id } }', {
      token: user.accessToken,
      variables: { input: { id: webhook.id, eventTypes: ['TASK_CREATED'] } },
    });
    await newTask(api, user, (await api.createContent(user, workspace)).projectId, 'Gone for good');
    await settle(api);
    const disabled = await api.db.prisma.auditEntry.findFirstOrThrow({
      where: { targetId: id, action: 'WEBHOOK_DISABLED' },
    });
    expect(disabled).toMatchObject({
      actorId: null,
      sessionId: null,
      details: { reason: 'The endpoint answered 410 Gone.' },
    });

    await api.data('mutation($id: ID!) { deleteWebhook(id: $id) }', {
      token: user.accessToken,
      variables: { id: webhook.id },
    });
    expect(await api.db.prisma.auditEntry.count({ where: { targetId: id, action: 'WEBHOOK_DELETED' } })).toBe(1);
    receiver.reset();
  });

  test('HOOK-4.5 a sample payload of every event type is shaped as a delivery’s body', async ({ api, user }) => {
    const { __type } = await api.data<{ __type: { enumValues: { name: string }[] } }>(
      '{ __type(name: "WebhookEventType") { enumValues { name } } }',
      { token: user.accessToken },
    );
    expect(__type.enumValues.length).toBe(20);
    for (const { name } of __type.enumValues) {
      const { webhookSamplePayload } = await api.data<{ webhookSamplePayload: string }>(
        'query($type: WebhookEventType!) { webhookSamplePayload(eventType: $type) }',
        { token: user.accessToken, variables: { type: name } },
      );
      const sample = JSON.parse(webhookSamplePayload);
      expect(Object.keys(sample).sort()).toEqual(['data', 'timestamp', 'type']);
      expect(sample.type).toBe(name.toLowerCase().replace('_', '.'));
      expect(sample.data).toMatchObject({ cursor: expect.any(String), occurredAt: expect.any(String) });
      expect(sample.data.__typename).toMatch(/^[A-Z]/);
    }
    const { webhookSamplePayload } = await api.data<{ webhookSamplePayload: string }>(
      '{ webhookSamplePayload(eventType: TASK_MOVED) }',
      { token: user.accessToken },
    );
    expect(JSON.parse(webhookSamplePayload).data).toMatchObject({
      __typename: 'TaskMoved',
      fromStateId: expect.any(String),
      task: { key: expect.any(String), state: { name: expect.any(String) } },
    });
  });
  test('HOOK-4.7 a workspace has at most 25 webhooks: one more is CONFLICT naming the limit and creates nothing, also when creations race; deleting one makes room, and other workspaces are not counted', async ({
    api,
    user,
    workspace,
  }) => {
    const workspaceId = uuid(workspace.id);
    const input = { workspaceId: workspace.id, url: receiver.url, eventTypes: ['TASK_CREATED'] };
    const create = () =>
      api.operation<CreatedWebhook>(CREATE_WEBHOOK, { token: user.accessToken, variables: { input } });
    for (let index = 0; index < MAX_WEBHOOKS_PER_WORKSPACE - 2; index += 1) {
      expect((await create()).body.errors).toBeUndefined();
    }
    // Four at once for the last two places (overlapping on PostgreSQL): two are made, two refused.
    const raced = await Promise.all([create(), create(), create(), create()]);
    expect(raced.map((result) => errorCodes(result.body).join() || 'ok').sort()).toEqual([
      'CONFLICT',
      'CONFLICT',
      'ok',
      'ok',
    ]);
    expect(await api.db.prisma.webhook.count({ where: { workspaceId } })).toBe(MAX_WEBHOOKS_PER_WORKSPACE);

    const refused = await create();
    expect(refused.body.data).toBeNull();
    expect(refused.body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['CONFLICT', 'A workspace has at most 25 webhooks. Delete one before adding another.'],
    ]);
    expect(refused.body.errors?.[0]?.extensions?.fieldErrors).toBeUndefined();
    expect(await api.db.prisma.webhook.count({ where: { workspaceId } })).toBe(MAX_WEBHOOKS_PER_WORKSPACE);
    expect(await api.db.prisma.auditEntry.count({ where: { workspaceId, action: 'WEBHOOK_CREATED' } })).toBe(
      MAX_WEBHOOKS_PER_WORKSPACE,
    );

    const other = await api.createWorkspace(user, 'Other');
    await createWebhook(api, user, other, receiver.url);
    const { workspace: listed } = await api.data<{ workspace: { webhooks: { id: string }[] } }>(
      'query($slug: String!) { workspace(slug: $slug) { webhooks { id } } }',
      { token: user.accessToken, variables: { slug: workspace.slug } },
    );
    await api.data('mutation($id: ID!) { deleteWebhook(id: $id) }', {
      token: user.accessToken,
      variables: { id: listed.webhooks[0]?.id },
    });
    expect((await create()).body.errors).toBeUndefined();
  });
});

describe('deliveries', () => {
  test('HOOK-5.1, HOOK-5.2 a committed task event is POSTed with Standard Webhooks headers that the library verifies with the secret, and a body selecting the event’s subscription type', async ({
    api,
    user,
    workspace,
  }) => {
    const { content, secret } = await hooked(api, user, workspace);
    const task = await newTask(api, user, content.projectId, 'Signed delivery');
    await settle(api);

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    if (!request) throw new Error('nothing received');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.signatureHeaders['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(request.signatureHeaders['webhook-signature']).toMatch(/^v1,/);
    const verified = new StandardWebhook(secret).verify(request.body, request.signatureHeaders);
    expect(verified).toMatchObject({
      type: 'task.created',
      data: {
        __typename: 'TaskCreated',
        projectId: content.projectId,
        actor: { id: user.id, name: user.name },
        task: { id: task.id, key: task.key, title: 'Signed delivery', labels: [] },
      },
    });
    // A VIEWER's reading: nobody's email or password, and no secret of the webhook.
    expect(request.body).not.toContain(user.email);
    expect(request.body).not.toContain(secret.slice(6));
    const otherSecret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    expect(() => new StandardWebhook(otherSecret).verify(request.body, request.signatureHeaders)).toThrow();
  });

  test('HOOK-4.4 after a rotation, deliveries carry signatures of the new and the previous secret for 24 hours, then of the new one only', async ({
    api,
    user,
    workspace,
  }) => {
    const { content, secret: old, webhook } = await hooked(api, user, workspace);
    const { rotateWebhookSecret } = await api.data<{ rotateWebhookSecret: { secret: string } }>(
      'mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { previousSecretExpiresAt } } }',
      { token: user.accessToken, variables: { id: webhook.id } },
    );
    const fresh = rotateWebhookSecret.secret;
    expect(fresh).not.toBe(old);
    await newTask(api, user, content.projectId, 'During the grace period');
    await settle(api);
    const [during] = receiver.received.splice(0);
    if (!during) throw new Error('nothing received');
    expect(during.signatureHeaders['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(new StandardWebhook(fresh).verify(during.body, during.signatureHeaders)).toBeTruthy();
    expect(new StandardWebhook(old).verify(during.body, during.signatureHeaders)).toBeTruthy();

    // A day later (set on the row: the test clock moving a day would end the user's access token too).
    const id = uuid(webhook.id);
    await api.db.prisma.webhook.update({ where: { id }, data: { previousSecretExpiresAt: api.clock.now() } });
    await newTask(api, user, content.projectId, 'After it');
    await settle(api);
    const [after] = receiver.received.splice(0);
    if (!after) throw new Error('nothing received');
    // The library refuses timestamps far from its own clock: check the signature at the test clock's time.
    const headers = { ...after.signatureHeaders };
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(1);
    const sign = (secret: string) =>
      new StandardWebhook(secret).sign(headers['webhook-id'] ?? '', api.clock.now(), after.body);
    expect(headers['webhook-signature']).toBe(sign(fresh));
  });

  test('HOOK-6.1 a change that rolls back sends nothing; an event committed while no dispatcher ran is delivered by a new one', async ({
    api,
    user,
    workspace,
  }) => {
    const { content } = await hooked(api, user, workspace);
    // The transaction fails at its commit, after its event row was written: a deferred trigger refuses it.
    const prisma = api.db.prisma;
    await prisma.$executeRawUnsafe(
      `CREATE FUNCTION "test_refuse_commit"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$`,
    );
    await prisma.$executeRawUnsafe(
      `CREATE CONSTRAINT TRIGGER "test_refuse_commit" AFTER INSERT ON "WorkspaceEvent" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "test_refuse_commit"()`,
    );
    try {
      const refused = await api.operation(CREATE_TASK, {
        token: user.accessToken,
        variables: { input: { projectId: content.projectId, title: 'Rolled back' } },
      });
      expect(errorCodes(refused.body)).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await prisma.$executeRawUnsafe('DROP TRIGGER "test_refuse_commit" ON "WorkspaceEvent"');
      await prisma.$executeRawUnsafe('DROP FUNCTION "test_refuse_commit"()');
    }
    expect(await prisma.task.count({ where: { title: 'Rolled back' } })).toBe(0);
    await settle(api);
    expect(receiver.received).toEqual([]);

    // Committed, then the instance "crashed" before any round: a dispatcher started later delivers it.
    await newTask(api, user, content.projectId, 'Before the crash');
    const restarted = createWebhookDispatcher({
      db: api.db.prisma,
      clock: api.clock,
      log: api.app.services.events,
      audit: api.app.services.audit,
      client: createOutboundHttp({ allowPrivateAddresses: true, timeoutMs: 2000, maxResponseBytes: 65536 }),
      bodyOf: async (event) => JSON.stringify({ type: event.kind, sequence: event.sequence }),
    });
    expect(await restarted.runOnce()).toEqual({ created: 1, attempted: 1 });
    expect(receiver.received.map((request) => JSON.parse(request.body).type)).toEqual(['TASK_CREATED']);
  });

  test('HOOK-6.2 a failed attempt is retried under the same webhook-id with exponential backoff: the first within a minute, each wait at least 1.5 times the last, for more than 24 hours', async ({
    api,
    user,
    workspace,
  }) => {
    const { content, webhook } = await hooked(api, user, workspace);
    receiver.answer(500, 503, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
    await newTask(api, user, content.projectId, 'Flaky endpoint');
    await settle(api);
    const waits: number[] = [];
    const id = uuid(webhook.id);
    let elapsed = 0;
    for (let attempt = 1; attempt <= 12; attempt += 1) {
      const delivery = await api.db.prisma.webhookDelivery.findFirstOrThrow({ where: { webhookId: id } });
      expect(delivery.state).toBe('PENDING');
      const wait = delivery.nextAttemptAt.getTime() - api.clock.now().getTime();
      waits.push(wait);
      // Not sent before it is due.
      api.clock.advance(wait - 1000);
      expect((await api.app.webhookDispatcher.runOnce()).attempted).toBe(0);
      api.clock.advance(1000);
      elapsed += wait;
      expect((await api.app.webhookDispatcher.runOnce()).attempted).toBe(1);
    }
    expect(waits[0]).toBeLessThanOrEqual(60_000);
    expect(waits[0]).toBeGreaterThanOrEqual(FIRST_RETRY_MS);
    for (let i = 1; i < waits.length; i += 1) expect(waits[i]).toBeGreaterThanOrEqual(1.5 * (waits[i - 1] ?? 0));
    expect(elapsed).toBeGreaterThan(24 * HOUR);
    const ids = new Set(receiver.received.map((request) => request.signatureHeaders['webhook-id']));
    expect(receiver.received).toHaveLength(13);
    expect(ids.size).toBe(1);
    const delivery = await api.db.prisma.webhookDelivery.findFirstOrThrow({ where: { webhookId: id } });
    expect(delivery).toMatchObject({ state: 'SUCCEEDED', attemptCount: 13 });
    expect(retryDelayMs(1, 0.999)).toBeLessThan(60_000);
  });

  test('HOOK-6.3 an endpoint answering 410 Gone disables the webhook and nothing more is sent', async ({
    api,
    user,
    workspace,
  }) => {
    const { content, webhook } = await hooked(api, user, workspace);
    receiver.answer(410);
    await newTask(api, user, content.projectId, 'Gone');
    await settle(api);
    await newTask(api, user, content.projectId, 'Not sent');
    await settle(api);
    expect(receiver.received).toHaveLength(1);
    const { node } = await api.data<{ node: { enabled: boolean; disabledReason: string } }>(
      'query($id: ID!) { node(id: $id) { ... on Webhook { enabled disabledReason } } }',
      { token: user.accessToken, variables: { id: webhook.id } },
    );
    expect(node).toEqual({ enabled: false, disabledReason: 'The endpoint answered 410 Gone.' });
  });

  test('HOOK-6.4 a webhook failing for three days without a success is disabled, saying why', async ({
    api,
    user,
    workspace,
  }) => {
    const { content, webhook } = await hooked(api, user, workspace);
    receiver.answer(...Array.from({ length: 40 }, () => 500));
    await newTask(api, user, content.projectId, 'Down for days');
    await settle(api);
    const id = uuid(webhook.id);
    // Time passes an hour at a time (or to the next attempt), the dispatcher running as it does every second.
    for (let hour = 0; hour < 24 * 7; hour += 1) {
      const current = await api.db.prisma.webhook.findUniqueOrThrow({ where: { id } });
      if (!current.enabled) break;
      const delivery = await api.db.prisma.webhookDelivery.findFirstOrThrow({ where: { webhookId: id } });
      const due = delivery.nextAttemptAt.getTime() - api.clock.now().getTime();
      api.clock.advance(Math.max(0, Math.min(HOUR, due)));
      await api.app.webhookDispatcher.runOnce();
    }
    const disabled = await api.db.prisma.webhook.findUniqueOrThrow({ where: { id } });
    expect(disabled).toMatchObject({
      enabled: false,
      disabledReason: 'Deliveries failed for three days without a success.',
    });
    const failingFor = (disabled.disabledAt?.getTime() ?? 0) - (disabled.failingSince?.getTime() ?? 0);
    expect(failingFor).toBeGreaterThanOrEqual(FAILING_LIMIT_MS);
    // Three days, not the next doubled wait after them (up to twice that).
    expect(failingFor).toBeLessThan(FAILING_LIMIT_MS + HOUR);
    // Its delivery waits for it to be enabled again.
    expect(await api.db.prisma.webhookDelivery.findFirstOrThrow({ where: { webhookId: id } })).toMatchObject({
      state: 'PENDING',
    });
    receiver.reset();
  });

  test('HOOK-6.5 a webhook’s deliveries go out in event order, a later one waiting while an earlier one is retried, and two dispatchers send each once', async ({
    api,
    user,
    workspace,
  }) => {
    const { content } = await hooked(api, user, workspace);
    receiver.answer(500);
    for (const title of ['First', 'Second', 'Third']) await newTask(api, user, content.projectId, title);
    const second = createWebhookDispatcher({
      db: api.db.prisma,
      clock: api.clock,
      log: api.app.services.events,
      audit: api.app.services.audit,
      client: createOutboundHttp({ allowPrivateAddresses: true, timeoutMs: 2000, maxResponseBytes: 65536 }),
      bodyOf: async (event) => JSON.stringify({ data: { sequence: event.sequence } }),
    });
    await Promise.all([api.app.webhookDispatcher.runOnce(), second.runOnce()]);
    await Promise.all([api.app.webhookDispatcher.runOnce(), second.runOnce()]);
    // The first failed: nothing after it went out.
    expect(receiver.received).toHaveLength(1);
    api.clock.advance(HOUR);
    for (let round = 0; round < 6; round += 1) {
      await Promise.all([api.app.webhookDispatcher.runOnce(), second.runOnce()]);
    }
    const cursors = receiver.received.map((request) =>
      Number(JSON.parse(request.body).data.cursor ?? JSON.parse(request.body).data.sequence),
    );
    expect(cursors).toHaveLength(4);
    expect(cursors[0]).toBe(cursors[1]);
    expect(cursors.slice(1)).toEqual([...cursors.slice(1)].sort((a, b) => a - b));
    expect(new Set(cursors.slice(1)).size).toBe(3);
  });

  test('HOOK-4.3 a webhook deleted while its delivery is on its way leaves no error and no attempt behind', async ({
    api,
    user,
    workspace,
  }) => {
    const { content, webhook } = await hooked(api, user, workspace);
    await newTask(api, user, content.projectId, 'In flight');
    await api.app.webhookDispatcher.enqueue();
    const deleting = createWebhookDispatcher({
      db: api.db.prisma,
      clock: api.clock,
      log: api.app.services.events,
      audit: api.app.services.audit,
      // The endpoint answers, and meanwhile an admin deletes the webhook.
      client: {
        post: async () => {
          await api.data('mutation($id: ID!) { deleteWebhook(id: $id) }', {
            token: user.accessToken,
            variables: { id: webhook.id },
          });
          return { status: 200, bodyPrefix: '', durationMs: 1, error: null };
        },
      },
      bodyOf: async () => '{}',
    });
    await expect(deleting.send()).resolves.toBe(1);
    const id = uuid(webhook.id);
    expect(await api.db.prisma.webhookDelivery.count({ where: { webhookId: id } })).toBe(0);
  });
});

describe('the delivery log', () => {
  test('HOOK-4.3 enabling a webhook again sends its waiting deliveries at once, in order, with their backoff started afresh', async ({
    api,
    user,
    workspace,
  }) => {
    const { content, webhook } = await hooked(api, user, workspace);
    const id = uuid(webhook.id);
    // Four failures: its next attempt would be 4 minutes away, and the next after that 8.
    receiver.answer(500, 500, 500, 500);
    await newTask(api, user, content.projectId, 'Waiting 1');
    for (let round = 0; round < 4; round += 1) {
      await settle(api);
      const head = await api.db.prisma.webhookDelivery.findFirstOrThrow({ where: { webhookId: id } });
      if (round < 3) api.clock.advance(head.nextAttemptAt.getTime() - api.clock.now().getTime());
    }
    expect(await api.db.prisma.webhookDelivery.findFirstOrThrow({ where: { webhookId: id } })).toMatchObject({
      failedAttempts: 4,
    });
    const UPDATE = 'mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { enabled } }';
    await api.data(UPDATE, { token: user.accessToken, variables: { input: { id: webhook.id, enabled: false } } });
    await newTask(api, user, content.projectId, 'Waiting 2');
    await settle(api);
    receiver.reset();
    await api.data(UPDATE, { token: user.accessToken, variables: { input: { id: webhook.id, enabled: true } } });
    await settle(api);
    expect(receiver.received.map((request) => JSON.parse(request.body).data.task.title)).toEqual([
      'Waiting 1',
      'Waiting 2',
    ]);
  });

  test('HOOK-8.2, HOOK-6.5 a delivery being sent cannot be redelivered beside it: CONFLICT, and one sender at a time', async ({
    api,
    user,
    workspace,
  }) => {
    const { content, webhook } = await hooked(api, user, workspace);
    await newTask(api, user, content.projectId, 'In flight');
    await api.app.webhookDispatcher.enqueue();
    const [deliveryId = ''] = await deliveryIds(api, user, webhook.id);
    const codes: (string | undefined)[][] = [];
    const slow = createWebhookDispatcher({
      db: api.db.prisma,
      clock: api.clock,
      log: api.app.services.events,
      audit: api.app.services.audit,
      client: {
        post: async () => {
          const answer = await api.operation('mutation($id: ID!) { redeliverWebhookDelivery(id: $id) { id } }', {
            token: user.accessToken,
            variables: { id: deliveryId },
          });
          codes.push(errorCodes(answer.body));
          return { status: 200, bodyPrefix: '', durationMs: 1, error: null };
        },
      },
      bodyOf: async () => '{}',
    });
    expect(await slow.send()).toBe(1);
    expect(codes).toEqual([['CONFLICT']]);
    await settle(api);
    expect(receiver.received).toEqual([]);
  });

  test('HOOK-8.1 the purge removes deliveries two weeks after they finished, never one still waiting to be sent', async ({
    api,
    user,
    workspace,
  }) => {
    const { content, webhook } = await hooked(api, user, workspace);
    const id = uuid(webhook.id);
    await newTask(api, user, content.projectId, 'Sent');
    await settle(api);
    // A second delivery made, then its webhook disabled before it could be sent.
    await newTask(api, user, content.projectId, 'Still waiting');
    await api.app.webhookDispatcher.enqueue();
    await api.db.prisma.webhook.update({ where: { id }, data: { enabled: false } });
    api.clock.advance(15 * 24 * HOUR);
    expect(await api.app.webhookDispatcher.purge()).toBeGreaterThan(0);
    const left = await api.db.prisma.webhookDelivery.findMany({ where: { webhookId: id } });
    expect(left.map((delivery) => delivery.state)).toEqual(['PENDING']);
    await api.db.prisma.webhook.delete({ where: { id } });
  });

  test('HOOK-8.1, HOOK-8.2 each delivery lists its attempts with request headers, status, the start of the response and duration; redelivering sends it again with the same id and body; two weeks later it is gone', async ({
    api,
    user,
    workspace,
  }) => {
    const { content, webhook } = await hooked(api, user, workspace);
    receiver.answer(502);
    await newTask(api, user, content.projectId, 'Logged');
    await settle(api);
    api.clock.advance(2 * 60 * 1000);
    await settle(api);
    const [deliveryId] = await deliveryIds(api, user, webhook.id);
    const DELIVERY = `query($id: ID!) { node(id: $id) { ... on WebhookDelivery {
      messageId type eventType eventCursor state attemptCount body
      attempts { number responseStatus responseBody error durationMs requestHeaders { name value } } } } }`;
    const read = async () =>
      (
        await api.data<{
          node: {
            messageId: string;
            state: string;
            body: string;
            attemptCount: number;
            attempts: {
              number: number;
              responseStatus: number;
              responseBody: string;
              requestHeaders: { name: string; value: string }[];
            }[];
          };
        }>(DELIVERY, { token: user.accessToken, variables: { id: deliveryId } })
      ).node;
    const logged = await read();
    expect(logged).toMatchObject({
      state: 'SUCCEEDED',
      attemptCount: 2,
      type: 'task.created',
      eventType: 'TASK_CREATED',
    });
    expect(logged.attempts.map((attempt) => [attempt.number, attempt.responseStatus, attempt.responseBody])).toEqual([
      [2, 200, 'answered 200'],
      [1, 502, 'answered 502'],
    ]);
    expect(logged.attempts[0]?.requestHeaders).toEqual(
      expect.arrayContaining([{ name: 'webhook-id', value: logged.messageId }]),
    );
    expect(receiver.received.map((request) => request.body)).toEqual([logged.body, logged.body]);

    receiver.received.length = 0;
    await api.data('mutation($id: ID!) { redeliverWebhookDelivery(id: $id) { id state } }', {
      token: user.accessToken,
      variables: { id: deliveryId },
    });
    await settle(api);
    expect(receiver.received.map((request) => [request.signatureHeaders['webhook-id'], request.body])).toEqual([
      [logged.messageId, logged.body],
    ]);
    expect((await read()).attempts.map((attempt) => attempt.number)).toEqual([3, 2, 1]);

    api.clock.advance(15 * 24 * HOUR);
    expect(await api.app.webhookDispatcher.purge()).toBeGreaterThan(0);
    const webhookId = uuid(webhook.id);
    expect(await api.db.prisma.webhookDelivery.count({ where: { webhookId } })).toBe(0);
  });
});

describe('listing webhooks', () => {
  test('HOOK-4.6 listing 1 or 5 webhooks with their projects, latest deliveries and attempts costs the same statements, and only the workspace’s projects are read', async ({
    api,
    user,
    workspace,
  }) => {
    await settle(api);
    const first = await api.createContent(user, workspace);
    const second = await api.createContent(user, workspace);
    /** `count` more webhooks of both projects, then a task whose delivery every webhook sends. */
    const addWebhooks = async (count: number) => {
      for (let index = 0; index < count; index += 1) {
        await createWebhook(api, user, workspace, receiver.url, ['TASK_CREATED'], {
          projectIds: [first.projectId, second.projectId],
        });
      }
      await newTask(api, user, first.projectId, `Sent to ${count} more`);
      await settle(api);
    };
    // The GraphiQL example's selection, with each webhook's projects.
    const LIST = `query($slug: String!) { workspace(slug: $slug) { webhooks {
      id url eventTypes enabled disabledReason projects { id key }
      deliveries(first: 5) { nodes { type state attemptCount attempts { responseStatus durationMs } } } } } }`;
    type Listed = {
      workspace: {
        webhooks: { projects: { key: string }[]; deliveries: { nodes: { attempts: unknown[] }[] } }[];
      };
    };
    const list = async () => {
      api.db.statements.length = 0;
      const result = await api.operation<Listed>(LIST, {
        token: user.accessToken,
        variables: { slug: workspace.slug },
      });
      expect(result.body.errors).toBeUndefined();
      return { statements: [...api.db.statements], webhooks: result.body.data?.workspace.webhooks ?? [] };
    };
    const keys = [first.projectKey, second.projectKey].sort();

    await addWebhooks(1);
    const one = await list();
    await addWebhooks(4);
    const five = await list();
    expect(one.webhooks).toHaveLength(1);
    expect(five.webhooks).toHaveLength(5);
    for (const webhook of five.webhooks) {
      expect(webhook.projects.map((project) => project.key).sort()).toEqual(keys);
      expect(webhook.deliveries.nodes.length).toBeGreaterThan(0);
      expect(webhook.deliveries.nodes.every((delivery) => delivery.attempts.length === 1)).toBe(true);
    }
    expect(five.statements.length).toBe(one.statements.length);
    const projectReads = five.statements.filter((sql) => /FROM "public"\."Project"/.test(sql));
    expect(projectReads).toHaveLength(1);
    expect(projectReads[0]).toMatch(/"workspaceId" IN/);

    // A webhook naming another workspace's project (written behind the API's back) still lists only its own.
    const other = await api.createWorkspace(user, 'Elsewhere');
    const foreign = await api.createContent(user, other);
    const [listed] = await api.db.prisma.webhook.findMany({ where: { workspaceId: uuid(workspace.id) }, take: 1 });
    await api.db.prisma.webhook.update({
      where: { id: listed?.id ?? '' },
      data: { projectIds: [uuid(first.projectId), uuid(foreign.projectId)] },
    });
    const [mixed] = (await list()).webhooks;
    expect(mixed?.projects.map((project) => project.key)).toEqual([first.projectKey]);
  });
});
