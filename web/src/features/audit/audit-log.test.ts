import { describe, expect, it } from 'vitest';
import { actionLabels, detailPhrases, filterFromAuditParams, hasAuditFilters, parseAction } from './audit-log.ts';

describe('the audit log’s filters in the URL', () => {
  it('HOOK-2.3 turns the actor, the action and a range of days into the API’s filter, the last day included', () => {
    expect(
      filterFromAuditParams({ actor: 'VXNlcjox', action: 'member_joined', from: '2026-11-02', to: '2026-11-04' }),
    ).toEqual({
      actorId: 'VXNlcjox',
      action: 'MEMBER_JOINED',
      since: new Date(2026, 10, 2).toISOString(),
      until: new Date(2026, 10, 5).toISOString(),
    });
    // The end of a month rolls over to the next.
    expect(filterFromAuditParams({ to: '2026-11-30' })).toEqual({ until: new Date(2026, 11, 1).toISOString() });
  });

  it('HOOK-2.3 leaves out what names nothing: an unknown action, a day that does not exist, a malformed one', () => {
    expect(filterFromAuditParams({ action: 'DROP_TABLE', from: '2026-02-30', to: 'yesterday' })).toEqual({});
    expect(parseAction('SIGN_IN')).toBeUndefined();
    expect(hasAuditFilters({ action: 'nonsense' })).toBe(false);
    expect(hasAuditFilters({ from: '2026-01-01' })).toBe(true);
  });
});

describe('an entry’s details', () => {
  it('HOOK-2.3 reads a change as before → after, codes as words, and the rest as label: value', () => {
    expect(
      detailPhrases([
        { name: 'previousRole', value: 'MEMBER' },
        { name: 'role', value: 'ADMIN' },
      ]),
    ).toEqual(['Role: Member → Admin']);
    expect(detailPhrases([{ name: 'reason', value: 'WRONG_PASSWORD' }])).toEqual(['Why: Wrong password']);
    expect(
      detailPhrases([
        { name: 'name', value: 'Acme Labs' },
        { name: 'previousName', value: 'Acme' },
        { name: 'scopes', value: 'READ, WRITE' },
        { name: 'apiTokensRevoked', value: '2' },
      ]),
    ).toEqual(['Name: Acme → Acme Labs', 'Scopes: Read, Write', 'API tokens revoked: 2']);
  });
});

describe('the actions the log added', () => {
  it('HOOK-2.4 names a workspace’s creation, filters on it, and says why an invitation was revoked when a new one replaced it', () => {
    expect(actionLabels.WORKSPACE_CREATED).toBe('Workspace created');
    expect(parseAction('workspace_created')).toBe('WORKSPACE_CREATED');
    expect(
      detailPhrases([
        { name: 'name', value: 'Acme' },
        { name: 'slug', value: 'acme' },
      ]),
    ).toEqual(['Name: Acme', 'URL: acme']);
    expect(
      detailPhrases([
        { name: 'role', value: 'MEMBER' },
        { name: 'reason', value: 'REPLACED_BY_NEW_INVITATION' },
      ]),
    ).toEqual(['Role: Member', 'Why: Replaced by new invitation']);
  });
});
