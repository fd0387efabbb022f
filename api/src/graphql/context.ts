import type { Db } from '../db/database.ts';
import type { PeopleLoader } from '../modules/accounts/people-loader.ts';
import type { ProjectsLoader } from '../modules/projects/projects-loader.ts';
import type { MembershipLoader } from '../modules/workspaces/membership-loader.ts';
import type { WorkspaceRole } from '../modules/workspaces/roles.ts';
import type { OwnedKind, WorkspaceOf } from '../modules/workspaces/workspace-of.ts';
import type { Services } from '../services.ts';
import { throwNotFound, unauthenticated } from '../shared/errors.ts';

/** A person signed in: the session their access token belongs to. */
export interface SessionViewer {
  kind: 'session';
  userId: string;
  sessionId: string;
  /** When the access token expires: a subscription ends then (RT-5.3). */
  expiresAt: Date;
}

/** A service using an API token: its owner, within one workspace and at most `roleCap` there (INT-1.4). */
export interface TokenViewer {
  kind: 'token';
  userId: string;
  tokenId: string;
  workspaceId: string;
  roleCap: WorkspaceRole;
  expiresAt: Date;
}

/**
 * A webhook reading the events it delivers (HOOK-5.2): a read-only member of its one workspace, acting for nobody.
 * Never built from a request: the webhook dispatcher uses it to execute the webhook document.
 */
export interface WebhookViewer {
  kind: 'webhook';
  userId: null;
  webhookId: string;
  workspaceId: string;
  expiresAt: Date;
}

/** Who is calling. */
export type Viewer = SessionViewer | TokenViewer | WebhookViewer;

/** Where a request came from, as recorded on the sessions it starts. */
export interface ClientInfo {
  ipAddress: string | null;
  userAgent: string | null;
}

/** Reads and writes the refresh-token cookie of the current request. */
export interface RefreshCookie {
  read(): Promise<string | undefined>;
  write(token: string, expiresAt: Date): Promise<void>;
  clear(): Promise<void>;
}

export interface Context {
  db: Db;
  services: Services;
  /** Set from the bearer token; replaced when a sign-in mutation opens a new session. */
  viewer: Viewer | null;
  client: ClientInfo;
  refreshCookie: RefreshCookie;
  /** The viewer's memberships, loaded at most once per request. */
  memberships: MembershipLoader;
  /** People by id, batched per request (the actors of audit entries). */
  people: PeopleLoader;
  /** Projects of a workspace by id, batched per request (the projects of a list of webhooks). */
  projectsByIds: ProjectsLoader;
  /** The workspace of a row named by id, looked up once per request for its scope and its service call. */
  workspaceOf: WorkspaceOf;
  /** Origin of the web app, for links such as invitations. */
  publicOrigin: string;
  /** Why the bearer credential was refused (a revoked or expired API token), for the UNAUTHENTICATED it leads to. */
  credentialsRefused: string | null;
  /** What this operation costs and what is left of the caller's budget, once it is priced (INT-5). */
  rateLimit: RateLimitState | null;
  /**
   * The actual cost of this request's answer once something has counted it: a cached answer's before anything runs
   * (the budget charges that instead of the requested cost and gives nothing back, PT-10.7), or an answer the cache
   * has just kept, after it ran (the budget gives back what it did not use without counting it again).
   */
  knownCost: number | null;
  /** The request, as Yoga gives it. */
  request: Request;
}

/** An operation's cost and its caller's budget (INT-5.4, INT-5.6). */
export interface RateLimitState {
  cost: number;
  limit: number;
  remaining: number;
  used: number;
  resetAt: Date;
  /** Priced, not run and not charged. */
  dryRun: boolean;
}

/**
 * The workspace of a row whose scope already passed (so it exists, or was deleted since: NOT_FOUND), to hand to
 * the service that writes it (WS-5.10).
 */
export async function workspaceIdOf(context: Context, kind: OwnedKind, id: string): Promise<string> {
  return (await context.workspaceOf(kind, id)) ?? throwNotFound();
}

/** A person or a service calling over HTTP: every viewer but a webhook's. */
export type Caller = SessionViewer | TokenViewer;

/** The context of a field that requires a signed-in caller. */
export interface AuthenticatedContext extends Context {
  viewer: Caller;
}

/** The context of a field that requires membership of a workspace: a caller, or a webhook reading its events. */
export interface MemberContext extends Context {
  viewer: Viewer;
}

/** The context of a field that requires a person signed in (not an API token): account operations (INT-1.5). */
export interface PersonContext extends Context {
  viewer: SessionViewer;
}

/**
 * The signed-in user's id, for fields whose scopes already require a signed-in caller (a role in a workspace)
 * but whose context type does not say so.
 */
export function viewerIdOf(context: Context): string {
  if (context.viewer === null || context.viewer.kind === 'webhook') throw unauthenticated();
  return context.viewer.userId;
}
