// The audit log as the web app shows it (HOOK-2.3): each action's words, an entry's details as text, and the
// filters kept in the URL (`?actor=…&action=…&from=YYYY-MM-DD&to=YYYY-MM-DD`) turned into the API's filter.
import type { graphql } from '../../graphql.ts';

export type AuditAction = ReturnType<typeof graphql.scalar<'AuditAction'>>;
type AuditEntryFilter = ReturnType<typeof graphql.scalar<'AuditEntryFilter'>>;

export const actionLabels: Readonly<Record<AuditAction, string>> = {
  SIGN_IN: 'Signed in',
  SIGN_IN_FAILED: 'Failed sign-in',
  SIGN_OUT: 'Signed out',
  SESSION_REVOKED: 'Session revoked',
  PASSWORD_CHANGED: 'Password changed',
  API_TOKEN_CREATED: 'API token created',
  API_TOKEN_REVOKED: 'API token revoked',
  WEBHOOK_CREATED: 'Webhook created',
  WEBHOOK_UPDATED: 'Webhook changed',
  WEBHOOK_SECRET_ROTATED: 'Webhook secret rotated',
  WEBHOOK_DELETED: 'Webhook deleted',
  WEBHOOK_DISABLED: 'Webhook disabled',
  MEMBER_ROLE_CHANGED: 'Role changed',
  MEMBER_REMOVED: 'Member removed',
  MEMBER_LEFT: 'Member left',
  MEMBER_JOINED: 'Member joined',
  INVITATION_CREATED: 'Invitation sent',
  INVITATION_REVOKED: 'Invitation revoked',
  INVITATION_ACCEPTED: 'Invitation accepted',
  WORKSPACE_CREATED: 'Workspace created',
  WORKSPACE_UPDATED: 'Settings changed',
  WORKSPACE_DELETED: 'Workspace deleted',
  PROJECT_DELETED: 'Project deleted',
};

/** The actions of a workspace's log, in the order the filter offers them (account actions are the profile's). */
export const workspaceActions = [
  'MEMBER_JOINED',
  'MEMBER_ROLE_CHANGED',
  'MEMBER_REMOVED',
  'MEMBER_LEFT',
  'INVITATION_CREATED',
  'INVITATION_REVOKED',
  'INVITATION_ACCEPTED',
  'API_TOKEN_CREATED',
  'API_TOKEN_REVOKED',
  'WEBHOOK_CREATED',
  'WEBHOOK_UPDATED',
  'WEBHOOK_SECRET_ROTATED',
  'WEBHOOK_DELETED',
  'WEBHOOK_DISABLED',
  'WORKSPACE_CREATED',
  'WORKSPACE_UPDATED',
  'PROJECT_DELETED',
  'WORKSPACE_DELETED',
] as const satisfies readonly AuditAction[];

/** The query parameters of the audit log page. */
export interface AuditLogParams {
  /** The actor's user id. */
  readonly actor?: string | undefined;
  /** An action, as the API names it. */
  readonly action?: string | undefined;
  /** The first day shown, `YYYY-MM-DD`, in the reader's time zone. */
  readonly from?: string | undefined;
  /** The last day shown, `YYYY-MM-DD`, included. */
  readonly to?: string | undefined;
}

/** The action a parameter names, in any case; undefined for anything else. */
export function parseAction(value: string | undefined): AuditAction | undefined {
  const upper = value?.toUpperCase();
  return workspaceActions.find((action) => action === upper);
}

/** The local midnight starting `day` (`YYYY-MM-DD`), `days` days later; undefined unless it names a real day. */
function localMidnight(day: string | undefined, days = 0): Date | undefined {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const start = new Date(year, month, date);
  if (start.getFullYear() !== year || start.getMonth() !== month || start.getDate() !== date) return undefined;
  return new Date(year, month, date + days);
}

/**
 * The `filter` of `Workspace.auditEntries` for the URL's parameters: the actor, the action, and the days from `from`
 * to `to` included, in the reader's time zone. Values that name nothing are left out.
 */
export function filterFromAuditParams(params: AuditLogParams): AuditEntryFilter {
  const action = parseAction(params.action);
  const since = localMidnight(params.from);
  const until = localMidnight(params.to, 1);
  return {
    ...(params.actor ? { actorId: params.actor } : {}),
    ...(action ? { action } : {}),
    ...(since ? { since: since.toISOString() } : {}),
    ...(until ? { until: until.toISOString() } : {}),
  };
}

/** Whether any filter is set, so the page can offer to clear them. */
export const hasAuditFilters = (params: AuditLogParams): boolean =>
  Object.keys(filterFromAuditParams(params)).length > 0;

/** The words of a code the API gives in details (`WRONG_PASSWORD` → "Wrong password"); other text as it is. */
function humanize(value: string): string {
  if (!/^[A-Z][A-Z_]*$/.test(value)) return value;
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const detailLabels: Readonly<Record<string, string>> = {
  role: 'Role',
  name: 'Name',
  slug: 'URL',
  scopes: 'Scopes',
  expiresAt: 'Expires',
  method: 'How',
  reason: 'Why',
  sessionsEnded: 'Other sessions ended',
  apiTokensRevoked: 'API tokens revoked',
  key: 'Key',
  url: 'URL',
  eventTypes: 'Events',
  fields: 'Changed',
};

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function detailValue(name: string, value: string): string {
  if (name === 'expiresAt') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : dateTime.format(date);
  }
  return value
    .split(', ')
    .map((part) => humanize(part))
    .join(', ');
}

/**
 * An entry's details as short phrases: a change as "Role: Member → Admin" (a `previousX` with its `X`), the others as
 * "Label: value".
 */
export function detailPhrases(details: readonly { readonly name: string; readonly value: string }[]): string[] {
  const byName = new Map(details.map((detail) => [detail.name, detail.value]));
  const phrases: string[] = [];
  for (const { name, value } of details) {
    if (name.startsWith('previous')) continue;
    const changedFrom = byName.get(`previous${name.charAt(0).toUpperCase()}${name.slice(1)}`);
    const label = detailLabels[name] ?? humanize(name);
    phrases.push(
      changedFrom === undefined
        ? `${label}: ${detailValue(name, value)}`
        : `${label}: ${detailValue(name, changedFrom)} → ${detailValue(name, value)}`,
    );
  }
  return phrases;
}
