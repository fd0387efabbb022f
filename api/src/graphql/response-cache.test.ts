import { isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, test } from 'vitest';
import { CACHEABLE_FIELDS } from './response-cache.ts';
import { schema } from './schema.ts';

describe('the response cache’s allowlist', () => {
  test('PT-10.1 names fields the schema has, so that a renamed field is not silently left out', () => {
    const missing = Object.entries(CACHEABLE_FIELDS).flatMap(([typeName, fields]) => {
      const type = schema.getType(typeName);
      if (!type || !(isObjectType(type) || isInterfaceType(type))) return [typeName];
      return fields.filter((field) => !(field in type.getFields())).map((field) => `${typeName}.${field}`);
    });
    expect(missing).toEqual([]);
  });

  test('PT-10.3 leaves out what the event log does not version: accounts, sessions, tokens, invitations, webhooks, audit entries, the log itself, the budget', () => {
    const listed = new Set(
      Object.entries(CACHEABLE_FIELDS).flatMap(([typeName, fields]) => fields.map((field) => `${typeName}.${field}`)),
    );
    const excluded = [
      'Query.me',
      'Query.sessions',
      'Query.rateLimit',
      'Query.workspaceEvents',
      'Query.invitation',
      'Query.webhookSamplePayload',
      'Workspace.apiTokens',
      'Workspace.invitations',
      'Workspace.webhooks',
      'Workspace.auditEntries',
      'User.auditEntries',
    ];
    expect(excluded.filter((coordinate) => listed.has(coordinate))).toEqual([]);
    for (const typeName of ['Session', 'ApiToken', 'Invitation', 'Webhook', 'WebhookDelivery', 'AuditEntry']) {
      expect(CACHEABLE_FIELDS[typeName], typeName).toBeUndefined();
    }
  });
});
