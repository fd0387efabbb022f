// Builds the domain services from their dependencies. Called once by the composition root.
import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { Db } from './db/database.ts';
import { createAccessTokens } from './modules/accounts/access-tokens.ts';
import { createAccountService } from './modules/accounts/accounts.ts';
import { createLoginThrottle } from './modules/accounts/login-throttle.ts';
import type { PasswordHasher } from './modules/accounts/password-hasher.ts';
import { createSessionService } from './modules/accounts/sessions.ts';
import { createApiTokenService } from './modules/api-tokens/api-tokens.ts';
import { createAuditLog } from './modules/audit/audit-log.ts';
import { type EventBus, sessionTopic, tokenTopic } from './modules/events/event-bus.ts';
import { createEventLog } from './modules/events/event-log.ts';
import { openWorkspaceStream, type StreamRequest } from './modules/events/event-stream.ts';
import { SqlRateLimiter } from './modules/limits/sql-rate-limiter.ts';
import { createProjectService } from './modules/projects/projects.ts';
import { createCommentService } from './modules/tasks/comments.ts';
import { createLabelService } from './modules/tasks/labels.ts';
import { createTaskService } from './modules/tasks/tasks.ts';
import { createWebhookService, type UrlChecker } from './modules/webhooks/webhooks.ts';
import { createInvitationService, type InvitationSender } from './modules/workspaces/invitations.ts';
import { createMemberService } from './modules/workspaces/members.ts';
import type { WorkspaceLookups } from './modules/workspaces/workspace-of.ts';
import { createWorkspaceService } from './modules/workspaces/workspaces.ts';
import type { Clock } from './shared/clock.ts';
import { purposeKey } from './shared/secret-tokens.ts';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  hasher: PasswordHasher;
  /** Key that signs access tokens (at least 32 bytes). */
  tokenSecret: Uint8Array;
  /** Delivers invitations; by default nothing is sent and the inviter shares the link. */
  invitationSender: InvitationSender;
  /** Seconds an exchanged refresh token still gets its successor (parallel tabs, retries); 30 when absent. */
  refreshReuseGraceSeconds?: number | undefined;
  /** Carries events and stream signals after commit: in-process, or between instances through Redis. */
  bus: EventBus;
  /** Redis shared by the API instances (REDIS_URL): the cost budgets are kept there when given, else in the database. */
  redis?: Redis | undefined;
  /** Points per hour of each caller's budget (INT-5.3). */
  pointsPerHour: number;
  /** Checks webhook URLs when they are set (HOOK-4.2): the outbound client's `checkUrl`. */
  webhookUrls: UrlChecker;
}

/** Limits on failed sign-ins and sign-ups; counted in the database, so every API process shares them. */
export const throttleLimits = {
  failedLoginsPerAccount: { points: 5, duration: 15 * 60 },
  failedLoginsPerClient: { points: 20, duration: 15 * 60 },
  registrationsPerClient: { points: 10, duration: 60 * 60 },
};

export function createServices({
  db,
  clock,
  hasher,
  tokenSecret,
  invitationSender,
  refreshReuseGraceSeconds,
  bus,
  redis,
  pointsPerHour,
  webhookUrls,
}: ServiceDeps) {
  const events = createEventLog({ db, bus, clock });
  /** Security-relevant changes, recorded in their transactions (HOOK-1). */
  const audit = createAuditLog({ clock });
  /** Ends the live streams opened with API tokens that were just revoked. */
  const endTokenStreams = (tokenIds: string[]) => {
    for (const id of tokenIds) bus.publish(tokenTopic(id), { type: 'ended' });
  };
  const sessions = createSessionService({
    db,
    clock,
    accessTokens: createAccessTokens(tokenSecret, clock),
    successorKey: purposeKey(tokenSecret, 'yello refresh-token successors'),
    reuseGraceSeconds: refreshReuseGraceSeconds,
    onEnded: (sessionIds) => {
      for (const id of sessionIds) bus.publish(sessionTopic(id), { type: 'ended' });
    },
    audit,
  });
  // rate-limiter-flexible's Prisma store on the `RateLimit` model, each charge in one statement (sql-rate-limiter.ts).
  const limiter = (keyPrefix: string, limits: { points: number; duration: number }) =>
    new SqlRateLimiter(db, { keyPrefix, ...limits });
  const loginThrottle = createLoginThrottle({
    perAccount: limiter('login-account', throttleLimits.failedLoginsPerAccount),
    perClient: limiter('login-client', throttleLimits.failedLoginsPerClient),
  });
  const registrationLimiter = limiter('register-client', throttleLimits.registrationsPerClient);
  // Each caller's hourly budget of points (INT-5.3): one atomic increment per operation, on every instance's shared store.
  const budget = { points: pointsPerHour, duration: 60 * 60 };
  const costBudget = redis
    ? new RateLimiterRedis({ storeClient: redis, keyPrefix: 'cost', ...budget })
    : limiter('cost', budget);
  return {
    sessions,
    accounts: createAccountService({ db, hasher, sessions, loginThrottle, registrationLimiter, audit }),
    workspaces: createWorkspaceService({ db, events, audit }),
    members: createMemberService({ db, events, clock, audit, onTokensRevoked: endTokenStreams }),
    invitations: createInvitationService({ db, clock, sender: invitationSender, events, audit }),
    projects: createProjectService({ db, clock, events, audit }),
    tasks: createTaskService({ db, clock, events }),
    labels: createLabelService({ db, events }),
    comments: createCommentService({ db, clock, events }),
    apiTokens: createApiTokenService({ db, clock, audit, onRevoked: (tokenId) => endTokenStreams([tokenId]) }),
    webhooks: createWebhookService({ db, clock, audit, urls: webhookUrls }),
    events,
    audit,
    bus,
    clock,
    costBudget,
    /** Opens one subscriber's stream of a workspace's events. */
    openStream: (request: StreamRequest) => openWorkspaceStream({ log: events, bus, now: () => clock.now() }, request),
  };
}

export type Services = ReturnType<typeof createServices>;

/** How each kind of row named by id finds its workspace, for the per-request `workspaceOf`. */
export function workspaceLookups(services: Services): WorkspaceLookups {
  return {
    project: services.projects.workspaceIdOfProject,
    state: services.projects.workspaceIdOfState,
    task: services.tasks.workspaceIdOfTask,
    label: services.labels.workspaceIdOfLabel,
    comment: services.comments.workspaceIdOfComment,
    membership: services.members.workspaceIdOf,
    invitation: services.invitations.workspaceIdOf,
    apiToken: services.apiTokens.workspaceIdOf,
    webhook: services.webhooks.workspaceIdOf,
    webhookDelivery: services.webhooks.workspaceIdOfDelivery,
  };
}
