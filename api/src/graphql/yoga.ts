// The GraphQL endpoint: Yoga over the Pothos schema, with error masking, cookies, CSRF
// prevention and query limits. Requests arrive already authenticated (see app.ts).
import { useExtendContextValuePerExecuteSubscriptionEvent } from '@envelop/execute-subscription-event';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { initContextCache, PothosValidationError } from '@pothos/core';
import { useCookies } from '@whatwg-node/server-plugin-cookies';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import {
  createGraphQLError,
  createYoga,
  type GraphiQLOptions,
  handleStreamOrSingleExecutionResult,
  isAsyncIterable,
  maskError,
  type Plugin,
} from 'graphql-yoga';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import {
  API_CONTENT_SECURITY_POLICY,
  graphiqlContentSecurityPolicy,
  sha256Source,
} from '../content-security-policy.ts';
import type { Db } from '../db/database.ts';
import { createPeopleLoader } from '../modules/accounts/people-loader.ts';
import { createProjectsLoader } from '../modules/projects/projects-loader.ts';
import { createMembershipLoader, type ViewerMembership } from '../modules/workspaces/membership-loader.ts';
import { createWorkspaceOf } from '../modules/workspaces/workspace-of.ts';
import { type Services, workspaceLookups } from '../services.ts';
import { badUserInput, notFound } from '../shared/errors.ts';
import { isMissingReference, isRecordNotFound } from '../shared/prisma-errors.ts';
import { hideSuggestionsFromAnonymous, type QueryLimits, queryLimitPlugin } from './armor.ts';
import { refuseForeignCursors } from './connection-cursors.ts';
import type { ClientInfo, Context, RefreshCookie, Viewer } from './context.ts';
import { refuseNulCharacters } from './nul-characters.ts';
import { type RateLimitSettings, rateLimitPlugin } from './rate-limits.ts';
import { type ResponseCacheSettings, responseCachePlugin } from './response-cache.ts';
import { variableFieldErrors } from './variable-errors.ts';

/** What the HTTP layer hands Yoga with each request. */
export interface RequestContext {
  viewer: Viewer | null;
  /** The viewer's user's memberships, read with their credential (PT-9.6); null for nobody signed in. */
  memberships: ViewerMembership[] | null;
  /** Why the bearer credential was refused, when it was (a revoked or expired API token). */
  credentialsRefused: string | null;
  client: ClientInfo;
  /** The client reached Yello over HTTPS: directly, or through a trusted proxy that says so. */
  https: boolean;
}

export interface YogaDeps {
  schema: GraphQLSchema;
  db: Db;
  services: Services;
  development: boolean;
  cookieSecure: boolean;
  corsOrigins: string[];
  queryLimits?: QueryLimits | undefined;
  /** Origin of the web app for links (PUBLIC_URL); the request's origin when absent. */
  publicUrl?: string | undefined;
  /** The budget store and its settings (INT-5). */
  rateLimits: { budget: RateLimiterAbstract; settings: RateLimitSettings; now: () => Date };
  /** The bounds of the cache of repeated reads and the clock its TTL runs on (PT-10). */
  responseCache: { settings: ResponseCacheSettings; now: () => Date };
}

/** The Headers editor GraphiQL opens with: where an access token or an API token goes (INT-4.1). */
// ASCII only: a browser refuses to send a header value with any other character, and GraphiQL's first request
// (the schema's introspection) sends these headers.
export const GRAPHIQL_HEADERS =
  '{\n  "Authorization": "Bearer <your API token (yel_...) or the accessToken from login>"\n}';

/** The example tabs GraphiQL opens with (INT-4.1); each is valid against the schema (a test checks). */
export const graphiqlTabs = [
  {
    query: `# Put a token in the Headers tab below: an API token (Settings › API tokens in the web app), or the
# accessToken of the login mutation. Then run this.
query WhoAmI {
  me {
    id
    name
    email
  }
  workspaces(first: 10) {
    nodes {
      id
      name
      slug
    }
  }
  # What this query cost, and what is left of your hourly budget.
  rateLimit {
    cost
    remaining
    resetAt
  }
}
`,
  },
  {
    query: `# A project's open high-priority tasks, 20 at a time: pass pageInfo.endCursor as $after for the next page.
query OpenTasks($workspaceSlug: String!, $key: String!, $after: String) {
  project(workspaceSlug: $workspaceSlug, key: $key) {
    name
    tasks(
      first: 20
      after: $after
      filter: { stateCategories: [UNSTARTED, STARTED], priorities: [HIGH, URGENT] }
      orderBy: { field: PRIORITY, direction: DESC }
    ) {
      totalCount
      nodes {
        key
        title
        priority
        state {
          name
        }
        assignee {
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
`,
    variables: '{\n  "workspaceSlug": "demo",\n  "key": "YEL"\n}',
  },
  {
    query: `# Needs a WRITE (or ADMIN) token, or a member's access token. Project ids come from project { id }.
mutation AddTask($input: CreateTaskInput!) {
  createTask(input: $input) {
    id
    key
    title
    state {
      name
    }
  }
}
`,
    variables: '{\n  "input": {\n    "projectId": "<a project id>",\n    "title": "Written from GraphiQL"\n  }\n}',
  },
  {
    query: `# Every change of the workspace as it commits; make one in the web app and watch it arrive. Stop with ■.
subscription Live($workspaceId: ID!) {
  workspaceEvents(workspaceId: $workspaceId) {
    __typename
    cursor
    occurredAt
    ... on TaskMoved {
      task {
        key
        state {
          name
        }
      }
    }
    ... on TaskUpdated {
      fields
      task {
        key
        title
      }
    }
  }
}
`,
    variables: '{\n  "workspaceId": "<a workspace id, from WhoAmI>"\n}',
  },
  {
    query: `# Owners and admins (or an ADMIN token): the workspace's webhooks and what their last deliveries got back.
# Create one with createWebhook; webhookSamplePayload(eventType: TASK_MOVED) shows what a delivery carries.
query Webhooks($workspaceSlug: String!) {
  workspace(slug: $workspaceSlug) {
    webhooks {
      id
      url
      eventTypes
      enabled
      disabledReason
      deliveries(first: 5) {
        nodes {
          type
          state
          attemptCount
          attempts {
            responseStatus
            durationMs
          }
        }
      }
    }
  }
}
`,
    variables: '{\n  "workspaceSlug": "demo"\n}',
  },
];

export const REFRESH_COOKIE = 'yello_refresh';
export const GRAPHQL_PATH = '/graphql';

/** The Pothos validation error behind a GraphQL error: a malformed id, cursor or argument. */
function pothosValidationError(error: unknown): PothosValidationError | undefined {
  if (error instanceof PothosValidationError) return error;
  if (error instanceof GraphQLError && error.originalError instanceof PothosValidationError) return error.originalError;
  return undefined;
}

/**
 * The error a client may see for a failure thrown by a library below a resolver, undefined for any other:
 * - arguments Pothos refuses before resolvers run. An id of another type (a Session id where a Membership id is
 *   expected) names nothing the caller can reach, so it answers like an unknown id; anything else (a malformed
 *   cursor, "before" with "first") is input the caller can fix;
 * - a row deleted between the authorization check and the write, or before the answer was read (WS-5.11), or a
 *   row a creation refers to (its workspace, project, state, task or label) deleted meanwhile (WS-5.12).
 */
function knownClientError(error: unknown): GraphQLError | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const cause = pothosValidationError(error);
  if (cause) return locatedAs(error, cause.message.startsWith('ID: ') ? notFound() : badUserInput([], cause.message));
  if (isRecordNotFound(error.originalError) || isMissingReference(error.originalError)) {
    return locatedAs(error, notFound());
  }
  return undefined;
}

/** `known`'s message and code at `error`'s place in the document and the answer. */
function locatedAs(error: GraphQLError, known: GraphQLError): GraphQLError {
  return new GraphQLError(known.message, { nodes: error.nodes, path: error.path, extensions: known.extensions });
}

/**
 * Replaces known library failures by their client errors as execution ends, before Yoga's masking would take them
 * for unexpected errors and log them.
 */
function codeKnownErrors(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: (payload) =>
        handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
          if (!result.errors?.some((error) => knownClientError(error) !== undefined)) return;
          setResult({ ...result, errors: result.errors.map((error) => knownClientError(error) ?? error) });
        }),
    }),
  };
}

/**
 * graphql-js's own request errors (a variable of the wrong type or an impossible date, several operations and
 * no operation name) come without a code; they are input the caller can fix, with field errors for variables.
 */
function isUncodedRequestError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && error.extensions.code === undefined && raisedByGraphQL(error);
}

/** Whether an error and every error behind it are GraphQL errors, i.e. no resolver or library code threw. */
function raisedByGraphQL(error: GraphQLError): boolean {
  const cause = error.originalError;
  return cause === undefined || cause === null || (cause instanceof GraphQLError && raisedByGraphQL(cause));
}

function asBadUserInput(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    path: error.path,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT', fieldErrors: variableFieldErrors(error.message) },
  });
}

/**
 * Codes those errors on their way out. They are thrown before execution starts, so they reach the response
 * without passing through `maskError`.
 */
function codeRequestErrors(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || isAsyncIterable(result) || !result.errors?.some(isUncodedRequestError)) return;
      setResult({
        ...result,
        errors: result.errors.map((error) => (isUncodedRequestError(error) ? asBadUserInput(error) : error)),
      });
    },
  };
}

/**
 * Yoga parses a GET request's `variables` and `extensions` parameters with a bare `JSON.parse`, so malformed JSON
 * there would be masked as an unexpected error (500). Its GET parser, wrapped, answers 400 as for a malformed POST body.
 */
function refuseMalformedGetParameters(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (request.method !== 'GET' || requestParser === undefined) return;
      const parse = requestParser;
      setRequestParser(async (getRequest) => {
        try {
          return await parse(getRequest);
        } catch (error: unknown) {
          if (!(error instanceof SyntaxError)) throw error;
          throw createGraphQLError('The variables or extensions parameter is not valid JSON.', {
            extensions: {
              http: { spec: true, status: 400 },
              code: 'BAD_REQUEST',
              originalError: { name: error.name, message: error.message },
            },
          });
        }
      });
    },
  };
}

interface GraphiQLPage {
  html: string;
  policy: string;
}

/**
 * Runs before GraphiQL's bundle: GraphiQL writes the edited operation into `?query=` on every keystroke (its
 * `onEditQuery`, with no option to turn it off), which put passwords typed in a `login` mutation into the browser's
 * history. URLs given to `history.replaceState` lose `query` and `variables` (WEB-2.2); a link with `?query=` still
 * opens with that query, as GraphiQL reads it before any edit.
 */
const KEEP_OPERATIONS_OUT_OF_THE_URL = `(() => {
  const replaceState = history.replaceState.bind(history);
  history.replaceState = (state, unused, url) => {
    if (url !== undefined && url !== null) {
      const kept = new URL(url, location.href);
      kept.searchParams.delete('query');
      kept.searchParams.delete('variables');
      url = kept;
    }
    replaceState(state, unused, url);
  };
})();`;

/**
 * Yoga's GraphiQL page with its Content-Security-Policy, rendered once (the options never change): the page inlines
 * its bundle in a single `<script>`, after which ours is put first; the policy allows both by their hashes.
 */
function graphiqlPage(options: GraphiQLOptions): () => GraphiQLPage {
  let page: GraphiQLPage | undefined;
  return () => {
    if (page) return page;
    const rendered = renderGraphiQL(options);
    const start = rendered.indexOf('<script>');
    const end = rendered.lastIndexOf('</script>');
    if (start < 0 || end < start) throw new Error('GraphiQL no longer renders one inline script.');
    const bundle = rendered.slice(start + '<script>'.length, end);
    const html = `${rendered.slice(0, start)}<script>${KEEP_OPERATIONS_OUT_OF_THE_URL}</script>${rendered.slice(start)}`;
    const policy = graphiqlContentSecurityPolicy([sha256Source(KEEP_OPERATIONS_OUT_OF_THE_URL), sha256Source(bundle)]);
    page = { html, policy };
    return page;
  };
}

/**
 * Event streams pass through proxies unbuffered (RT-4.4), and end as soon as their client goes (RT-6.3). The stream
 * library Yoga 5.24 uses by default (the @whatwg-node ponyfill) cancelled a response only at its next write, so a
 * client that left kept its stream, listeners and Redis channel until the next event or keep-alive; the request's
 * signal aborts as the connection closes, whichever library streams the answer.
 */
function liveStreams(): Plugin {
  return {
    // nginx, and proxies that honour it, pass an event stream through as written instead of buffering it.
    onResponse({ response }) {
      if (response.headers.get('content-type')?.startsWith('text/event-stream'))
        response.headers.set('x-accel-buffering', 'no');
    },
    onSubscribe: ({ args }) => ({
      onSubscribeResult: ({ result }) => {
        if (!isAsyncIterable(result)) return;
        const { signal } = args.contextValue.request;
        // A stream that failed before anyone read its error rejects here: it is over either way.
        const end = () =>
          void result[Symbol.asyncIterator]()
            .return?.()
            ?.catch(() => {});
        if (signal.aborted) end();
        else signal.addEventListener('abort', end, { once: true });
      },
    }),
  };
}

/** GraphiQL's page gets its own policy; every other answer of the endpoint is data and may load nothing. */
function contentSecurityPolicy(graphiql: () => GraphiQLPage): Plugin {
  return {
    onResponse({ response }) {
      const page = response.headers.get('content-type')?.startsWith('text/html');
      response.headers.set('content-security-policy', page ? graphiql().policy : API_CONTENT_SECURITY_POLICY);
    },
  };
}

/**
 * A string answer that declares its length, as the Fetch ponyfill Yoga uses by default does: Hono's compression leaves
 * answers under 1 KB as they are only when it knows their size (WEB-1.1).
 */
class SizedResponse extends Response {
  constructor(body?: BodyInit | null, init?: ResponseInit) {
    super(body, init);
    if (typeof body === 'string' && !this.headers.has('content-length')) {
      this.headers.set('content-length', String(Buffer.byteLength(body)));
    }
  }
}

/**
 * Yoga answers with Node's own Fetch API, the one Hono and @hono/node-server use. Under its default, the
 * @whatwg-node/node-fetch ponyfill, an answer's body is not one of Node's ReadableStreams, and where Hono rebuilds an
 * answer (its compression does, to set headers and pipe the body through gzip) Node's undici wraps that body as an
 * async iterable. The wrapper closes its stream in a microtask after the body's last read; a client that reset the
 * connection just then had the stream cancelled first, and the close threw outside any promise: an uncaught
 * "ReadableStream is already closed" that ended the process (honojs/node-server#233, nodejs/undici#5715, unguarded in
 * the undici of Node 24.21). Node's own bodies are piped as they are.
 */
const nodeFetchAPI = {
  fetch,
  Request,
  Response: SizedResponse,
  Headers,
  FormData,
  ReadableStream,
  WritableStream,
  TransformStream,
  CompressionStream,
  DecompressionStream,
  TextEncoder,
  TextDecoder,
  TextEncoderStream,
  TextDecoderStream,
  Blob,
  File,
  URL,
  URLSearchParams,
  btoa,
};

/** The cookie is Secure when configured so (COOKIE_SECURE), or when the request came over HTTPS. */
function refreshCookie(request: Request, secure: boolean): RefreshCookie {
  const base = {
    name: REFRESH_COOKIE,
    path: GRAPHQL_PATH,
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
    domain: null,
  };
  return {
    async read() {
      return (await request.cookieStore?.get(REFRESH_COOKIE))?.value;
    },
    async write(value, expiresAt) {
      await request.cookieStore?.set({ ...base, value, expires: expiresAt.getTime() });
    },
    async clear() {
      await request.cookieStore?.set({ ...base, value: '', expires: 0 });
    },
  };
}

export function createGraphQLHandler({
  schema,
  db,
  services,
  development,
  cookieSecure,
  corsOrigins,
  queryLimits,
  publicUrl,
  rateLimits,
  responseCache,
}: YogaDeps) {
  const graphiql = graphiqlPage({
    title: 'Yello GraphQL API',
    defaultTabs: graphiqlTabs,
    headers: GRAPHIQL_HEADERS,
    // Sent with every request GraphiQL makes: its subscriptions open with a GET, which CSRF prevention refuses without.
    additionalHeaders: { 'x-yello-csrf': '1' },
  });
  return createYoga<RequestContext, Context>({
    schema,
    fetchAPI: nodeFetchAPI,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    // GraphiQL with its assets inlined: no CDN, so it works offline and behind strict networks. Rendered once, with
    // the hash of its inline script for its Content-Security-Policy.
    renderGraphiQL: () => graphiql().html,
    graphiql: true,
    maskedErrors: {
      isDev: development,
      maskError: (error, message, isDev) => knownClientError(error) ?? maskError(error, message, isDev),
    },
    cors: corsOrigins.length > 0 ? { origin: corsOrigins, credentials: true } : false,
    plugins: [
      refuseMalformedGetParameters(),
      refuseNulCharacters(),
      refuseForeignCursors(),
      useCookies(),
      useCSRFPrevention({ requestHeaders: ['x-yello-csrf'] }),
      queryLimitPlugin(queryLimits),
      // Before the budget: a cached answer's actual cost is known, and the budget charges that, in one statement
      // with nothing to give back (PT-10.7); a refused operation is refused all the same (PT-10.4).
      responseCachePlugin({ ...responseCache, readVersions: services.events.readVersions }),
      rateLimitPlugin(rateLimits),
      hideSuggestionsFromAnonymous(),
      codeRequestErrors(),
      codeKnownErrors(),
      contentSecurityPolicy(graphiql),
      liveStreams(),
      // Each event of a subscription runs with a context of its own: scope-auth's results and Pothos Prisma's loaded
      // rows are kept per context, so nothing checked or read for one event is reused for the next (RT-5.4).
      useExtendContextValuePerExecuteSubscriptionEvent(() => ({ contextPartial: initContextCache() })),
    ],
    context: ({ request, viewer, memberships, credentialsRefused, client, https }): Context => {
      const context: Context = {
        db,
        services,
        viewer,
        client,
        refreshCookie: refreshCookie(request, cookieSecure || https),
        memberships: createMembershipLoader(db, () => context.viewer),
        people: createPeopleLoader(db),
        projectsByIds: createProjectsLoader(db),
        workspaceOf: createWorkspaceOf(workspaceLookups(services)),
        publicOrigin: publicUrl ?? new URL(request.url).origin,
        credentialsRefused,
        rateLimit: null,
        knownCost: null,
        request,
      };
      if (memberships) context.memberships.prime(memberships);
      return context;
    },
  });
}
