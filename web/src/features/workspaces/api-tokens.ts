// API tokens as the web app shows and creates them: the scopes and what each allows, the expiry choices, a token's
// status, and the example request shown with a new secret.
import type { graphql } from '../../graphql.ts';

export type ApiTokenScope = ReturnType<typeof graphql.scalar<'ApiTokenScope'>>;

/** Every scope, least powerful first. */
export const tokenScopes = ['READ', 'WRITE', 'ADMIN'] as const satisfies readonly ApiTokenScope[];

export const scopeLabels: Readonly<Record<ApiTokenScope, string>> = { READ: 'Read', WRITE: 'Write', ADMIN: 'Admin' };

export const scopeDescriptions: Readonly<Record<ApiTokenScope, string>> = {
  READ: 'Read projects, tasks and members, and follow live updates, as a viewer does.',
  WRITE: 'Also create and change tasks, comments, labels and projects, as a member does.',
  ADMIN: 'Also manage members, invitations and the workspace’s settings, as an admin does.',
};

/** The scopes among form values, in the order of `tokenScopes`. */
export function parseScopes(values: readonly string[]): ApiTokenScope[] {
  return tokenScopes.filter((scope) => values.includes(scope));
}

/** How long a new token may live, in days; the API allows up to 366. */
export const expiryChoices = [
  { value: '30', label: 'In 30 days', days: 30 },
  { value: '90', label: 'In 90 days', days: 90 },
  { value: '365', label: 'In 1 year', days: 365 },
] as const;

export const defaultExpiry = '90';
/** The expiry choice that asks for a date. */
export const expiryOnDate = 'date';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * When a token expires that is made at `now` to expire `choice` (one of `expiryChoices`, or on `date`, a form's
 * YYYY-MM-DD, at the end of that day where the user is); undefined when no date was chosen.
 */
export function expiryOf(choice: string, date: string, now: Date): Date | undefined {
  const days = expiryChoices.find((option) => option.value === choice)?.days;
  if (days !== undefined) return new Date(now.getTime() + days * dayMs);
  if (choice !== expiryOnDate || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  // A date and time without an offset is read as local time.
  const endOfDay = new Date(`${date}T23:59:59`);
  return Number.isNaN(endOfDay.getTime()) ? undefined : endOfDay;
}

export type TokenStatus = 'active' | 'revoked' | 'expired';

export function tokenStatus(
  token: { readonly revokedAt: string | null; readonly expiresAt: string },
  now: Date,
): TokenStatus {
  if (token.revokedAt !== null) return 'revoked';
  return new Date(token.expiresAt) <= now ? 'expired' : 'active';
}

/** A request with the token from a terminal: the workspace's name, from the API at `origin`. */
export function curlExample(origin: string, secret: string, slug: string): string {
  const body = JSON.stringify({ query: `{ workspace(slug: "${slug}") { name } }` });
  return [
    `curl ${origin}/graphql`,
    `  -H 'Authorization: Bearer ${secret}'`,
    `  -H 'Content-Type: application/json'`,
    `  -d '${body}'`,
  ].join(' \\\n');
}
