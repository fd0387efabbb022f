// Composition root: builds Yello's HTTP application from its dependencies. One Hono app serves
// the GraphQL API (/graphql, GraphiQL in a browser), /health and the built web app.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context as HonoContext } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { webAppSecurityHeaders, withNonce, withoutObsoleteHeaders } from './content-security-policy.ts';
import type { Db } from './db/database.ts';
import type { Webhook } from './generated/prisma/client.ts';
import type { QueryLimits } from './graphql/armor.ts';
import type { ClientInfo, Context, Viewer } from './graphql/context.ts';
import { defaultRateLimits, type RateLimitSettings } from './graphql/rate-limits.ts';
import { defaultResponseCacheSettings, type ResponseCacheSettings } from './graphql/response-cache.ts';
import { schema } from './graphql/schema.ts';
import { createGraphQLHandler, GRAPHQL_PATH } from './graphql/yoga.ts';
import { createPeopleLoader } from './modules/accounts/people-loader.ts';
import { TOKEN_PREFIX } from './modules/api-tokens/token-format.ts';
import { createLocalEventBus, type EventBus } from './modules/events/event-bus.ts';
import { createProjectsLoader } from './modules/projects/projects-loader.ts';
import { createWebhookDispatcher, type WebhookDispatcher } from './modules/webhooks/dispatcher.ts';
import { createOutboundHttp, type OutboundHttp, PRODUCTION_OUTBOUND_LIMITS } from './modules/webhooks/outbound.ts';
import { buildWebhookBody, serializeBody } from './modules/webhooks/webhook-payload.ts';
import { type InvitationSender, linkOnlyInvitations } from './modules/workspaces/invitations.ts';
import { createMembershipLoader, type ViewerMembership } from './modules/workspaces/membership-loader.ts';
import { createWorkspaceOf } from './modules/workspaces/workspace-of.ts';
import { createServices, type ServiceDeps, type Services, workspaceLookups } from './services.ts';

export const MAX_BODY_BYTES = 100 * 1024;

export interface AppDeps extends Omit<ServiceDeps, 'invitationSender' | 'bus' | 'pointsPerHour' | 'webhookUrls'> {
  /** Sends webhooks and checks their URLs; public addresses only, with production limits, when absent (HOOK-7). */
  outbound?: OutboundHttp | undefined;
  /** Each caller's hourly budget and the most one operation may cost; the defaults in rate-limits.ts when absent. */
  rateLimits?: RateLimitSettings | undefined;
  /** The cache of repeated reads: its size and TTL (PT-10.5); on, with the defaults in response-cache.ts, when absent. */
  responseCache?: ResponseCacheSettings | undefined;
  /** Carries events between instances; one of this process's own when absent. */
  bus?: EventBus | undefined;
  /** Delivers invitations; the link is only returned to the inviter when absent. */
  invitationSender?: InvitationSender | undefined;
  development: boolean;
  cookieSecure: boolean;
  corsOrigins: string[];
  /** Take the client address from X-Forwarded-For, and HTTPS from X-Forwarded-Proto (only behind a trusted proxy). */
  trustProxy: boolean;
  /** Origin of the web app for links such as invitations; the request's origin when absent. */
  publicUrl?: string | undefined;
  /** Limits on GraphQL documents; the defaults in armor.ts when absent. */
  queryLimits?: QueryLimits | undefined;
  /** Folder of the built web app; the SPA is not served when absent. */
  webDistDir?: string | undefined;
}

export interface App {
  fetch: Hono['fetch'];
  services: Services;
  /** Delivers webhooks from the event log; the entry point starts it, tests run its rounds (HOOK-6). */
  webhookDispatcher: WebhookDispatcher;
}

function clientInfo(c: HonoContext, trustProxy: boolean): ClientInfo {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  let address: string | null = forwarded || null;
  if (address === null && c.env && typeof c.env === 'object' && 'incoming' in c.env) {
    address = getConnInfo(c).remote.address ?? null;
  }
  return { ipAddress: address, userAgent: c.req.header('user-agent') ?? null };
}

/**
 * Whether the client reached Yello over HTTPS. Behind a proxy that ends TLS the request arrives over plain HTTP, and
 * the proxy says what the client used in X-Forwarded-Proto (its first value: the proxy the client reached).
 */
function overHttps(c: HonoContext, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  const forwarded = trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() : undefined;
  return forwarded === 'https';
}

function bearerToken(c: HonoContext): string | undefined {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** The header of every GraphQL answer naming the web build Yello serves (WEB-4.2). */
export const VERSION_HEADER = 'x-yello-version';

/**
 * The id of a web build: a hash of the asset names its `index.html` loads. Vite names every asset by its content, so
 * a build with any change has another id, and a rebuild of the same sources the same one.
 */
export function webBuildVersion(html: string): string {
  const assets = [...new Set(html.match(/\/assets\/[\w.-]+/g) ?? [])].sort();
  return createHash('sha256').update(assets.join('\n')).digest('base64url').slice(0, 16);
}

/** The page shell naming its build in `<meta name="yello-version">`, which the web app compares with the server's. */
function withVersion(html: string, version: string): string {
  return html.replace('</head>', `<meta name="yello-version" content="${version}" /></head>`);
}

/** The id of the web build in `root`, read again whenever its `index.html` changes; undefined while there is none. */
function webBuildVersions(root: string): () => Promise<string | undefined> {
  let known: { readonly stamp: string; readonly version: string } | undefined;
  return async () => {
    const file = join(root, 'index.html');
    const stats = await stat(file).catch(() => undefined);
    if (!stats) return undefined;
    const stamp = `${stats.mtimeMs}:${stats.size}`;
    if (known?.stamp !== stamp) {
      const html = await readFile(file, 'utf8').catch(() => undefined);
      if (html === undefined) return undefined;
      known = { stamp, version: webBuildVersion(html) };
    }
    return known.version;
  };
}

export function createApp(deps: AppDeps): App {
  const rateLimits = deps.rateLimits ?? defaultRateLimits;
  const outbound = deps.outbound ?? createOutboundHttp({ allowPrivateAddresses: false, ...PRODUCTION_OUTBOUND_LIMITS });
  const services = createServices({
    ...deps,
    webhookUrls: outbound,
    pointsPerHour: rateLimits.pointsPerHour,
    invitationSender: deps.invitationSender ?? linkOnlyInvitations,
    bus: deps.bus ?? createLocalEventBus((error) => console.error('Event bus:', error)),
  });
  const graphql = createGraphQLHandler({
    ...deps,
    schema,
    services,
    rateLimits: { budget: services.costBudget, settings: rateLimits, now: () => deps.clock.now() },
    responseCache: { settings: deps.responseCache ?? defaultResponseCacheSettings, now: () => deps.clock.now() },
  });
  const app = new Hono();

  app.use(
    '*',
    secureHeaders({ ...withoutObsoleteHeaders, contentSecurityPolicy: undefined, crossOriginEmbedderPolicy: false }),
  );
  // gzip by Accept-Encoding for pages, scripts, styles and GraphQL answers from 1 KB; never an event stream (WEB-1.1).
  app.use('*', compress());

  app.get('/health', async (c) => {
    try {
      await deps.db.$queryRaw`SELECT 1`;
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });

  if (deps.webDistDir) {
    // Every GraphQL answer names the web build being served: an open tab of another build offers a reload (WEB-4.2).
    const webVersion = webBuildVersions(resolve(deps.webDistDir));
    app.use(GRAPHQL_PATH, async (c, next) => {
      await next();
      const version = await webVersion();
      if (version) c.res.headers.set(VERSION_HEADER, version);
    });
  }

  app.use(
    GRAPHQL_PATH,
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      // The rest of the body is not read: the connection is closed after the answer, and the answer says so (a
      // connection left to @hono/node-server's bounded drain was destroyed under the client's next request).
      onError: (c) =>
        c.json(
          {
            errors: [
              {
                message: `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`,
                extensions: { code: 'PAYLOAD_TOO_LARGE' },
              },
            ],
          },
          413,
          { connection: 'close' },
        ),
    }),
  );

  app.on(['GET', 'POST', 'OPTIONS'], GRAPHQL_PATH, async (c) => {
    const token = bearerToken(c);
    let viewer: Viewer | null = null;
    let credentialsRefused: string | null = null;
    let memberships: ViewerMembership[] | null = null;
    if (token?.startsWith(TOKEN_PREFIX)) {
      const outcome = await services.apiTokens.authenticate(token);
      if ('viewer' in outcome) ({ viewer, memberships } = outcome);
      else credentialsRefused = outcome.refused;
    } else if (token) {
      const session = await services.sessions.authenticate(token);
      if (session) ({ viewer, memberships } = session);
    }
    return graphql.fetch(c.req.raw, {
      viewer,
      memberships,
      credentialsRefused,
      client: clientInfo(c, deps.trustProxy),
      https: overHttps(c, deps.trustProxy),
    });
  });

  if (deps.webDistDir) {
    const root = resolve(deps.webDistDir);
    // The web app's Content-Security-Policy, with a nonce of its own on every page (AUTH-12.13). A policy governs the
    // document it comes with: the scripts and style sheets under /assets/ go without one, where it would do nothing
    // but add a third of a kilobyte to each (WEB-9.6); they keep the other security headers (nosniff…).
    const webAppPolicy = webAppSecurityHeaders();
    app.use('/*', (c, next) => (c.req.path.startsWith('/assets/') ? next() : webAppPolicy(c, next)));
    // The shell carries this response's nonce, so it never comes from the static files as built, nor from a cache.
    const shell = async (c: HonoContext) => {
      const html = await readFile(join(root, 'index.html'), 'utf8').catch(() => undefined);
      if (!html) return c.text('The web app is not built yet: run `npm run build -w web`.', 404);
      const nonce = c.get('secureHeadersNonce');
      if (!nonce) throw new Error('The Content-Security-Policy middleware gave this response no nonce.');
      return c.html(withNonce(withVersion(html, webBuildVersion(html)), nonce), 200, { 'cache-control': 'no-cache' });
    };
    app.get('/', shell);
    app.get('/index.html', shell);
    // Vite names every file under /assets/ by its content: a name never serves other bytes (WEB-1.2).
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.res.headers.set('cache-control', 'public, max-age=31536000, immutable');
    });
    // The build's Brotli or gzip copy of a script or style sheet, whichever the client accepts (WEB-1.4).
    app.use('/*', serveStatic({ root, precompressed: true }));
    // An asset of another build is gone, not a page: the shell in its place would be cached for a year as a script.
    app.get('/assets/*', (c) => c.text('This file is not part of the running version of Yello.', 404));
    // Client-side routes: every other GET gets the app shell.
    app.get('*', shell);
  }

  const webhookDispatcher = createWebhookDispatcher({
    db: deps.db,
    clock: deps.clock,
    log: services.events,
    audit: services.audit,
    client: outbound,
    bodyOf: async (event, webhook) => {
      const context = webhookContext(deps.db, services, deps.publicUrl, webhook);
      return serializeBody(await buildWebhookBody(schema, event, context));
    },
  });

  return { fetch: app.fetch, services, webhookDispatcher };
}

/** The context a webhook's payload is read with: a VIEWER of its workspace, acting for nobody (HOOK-5.2). */
function webhookContext(db: Db, services: Services, publicUrl: string | undefined, webhook: Webhook): Context {
  const origin = publicUrl ?? 'http://localhost';
  const context: Context = {
    db,
    services,
    viewer: {
      kind: 'webhook',
      userId: null,
      webhookId: webhook.id,
      workspaceId: webhook.workspaceId,
      expiresAt: new Date(8.64e15),
    },
    client: { ipAddress: null, userAgent: null },
    refreshCookie: { read: async () => undefined, write: async () => {}, clear: async () => {} },
    memberships: createMembershipLoader(db, () => context.viewer),
    people: createPeopleLoader(db),
    projectsByIds: createProjectsLoader(db),
    workspaceOf: createWorkspaceOf(workspaceLookups(services)),
    publicOrigin: origin,
    credentialsRefused: null,
    rateLimit: null,
    knownCost: null,
    request: new Request(new URL('/graphql', origin)),
  };
  return context;
}
