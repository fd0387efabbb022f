// Costs and the hourly budget, visible to every caller (INT-5): each query or mutation is priced from its document
// and variables before it runs (operation-cost.ts), refused over the per-operation maximum, charged to its caller's
// budget in one atomic step (rate-limiter-flexible, shared by every instance), and answered with its requested and
// actual cost, the budget left and the IETF RateLimit headers; what the answer did not use is given back.
import {
  type DefinitionNode,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { Context, RateLimitState } from './context.ts';
import { actualCost, createCostPricer, operationOf } from './operation-cost.ts';
import type { RequestContext } from './yoga.ts';

export interface RateLimitSettings {
  /** Points each caller may spend per hour (INT-5.3). */
  pointsPerHour: number;
  /** The most one operation may cost (INT-5.2). */
  maxCost: number;
}

export const defaultRateLimits: RateLimitSettings = { pointsPerHour: 1_000_000, maxCost: 50_000 };

/** Whose budget an operation is charged to: its API token, else its session, else its client's address. */
export function budgetKey(context: Pick<Context, 'viewer' | 'client'>): string {
  const { viewer } = context;
  if (viewer?.kind === 'token') return `token:${viewer.tokenId}`;
  if (viewer?.kind === 'session') return `session:${viewer.sessionId}`;
  return `client:${context.client.ipAddress ?? 'unknown'}`;
}

const stateOf = (
  result: RateLimiterRes,
  settings: RateLimitSettings,
  now: Date,
): Omit<RateLimitState, 'cost' | 'dryRun'> => ({
  limit: settings.pointsPerHour,
  remaining: Math.max(0, result.remainingPoints),
  used: Math.min(settings.pointsPerHour, result.consumedPoints),
  resetAt: new Date(now.getTime() + result.msBeforeNext),
});

/** Whether the operation's root asks `rateLimit(dryRun: true)`, as a literal or through a variable. */
function isDryRun(operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>>): boolean {
  return operation.selectionSet.selections.some(
    (selection) =>
      selection.kind === Kind.FIELD &&
      selection.name.value === 'rateLimit' &&
      selection.arguments?.some((argument) => {
        if (argument.name.value !== 'dryRun') return false;
        if (argument.value.kind === Kind.BOOLEAN) return argument.value.value;
        return argument.value.kind === Kind.VARIABLE && variables[argument.value.name.value] === true;
      }),
  );
}

const onlyRateLimit = (selection: SelectionNode) =>
  selection.kind === Kind.FIELD && selection.name.value === 'rateLimit';

/** The RateLimit-Policy and RateLimit header values (draft-ietf-httpapi-ratelimit-headers). */
export function rateLimitHeaders(state: Omit<RateLimitState, 'cost' | 'dryRun'>, now: Date) {
  const seconds = Math.max(0, Math.ceil((state.resetAt.getTime() - now.getTime()) / 1000));
  return {
    'ratelimit-policy': `"hourly";q=${state.limit};w=3600`,
    ratelimit: `"hourly";r=${state.remaining};t=${seconds}`,
  };
}

type Maybe<T> = T | null | undefined;

export function rateLimitPlugin({
  budget,
  settings,
  now,
}: {
  budget: RateLimiterAbstract;
  settings: RateLimitSettings;
  now: () => Date;
}): Plugin<Context, RequestContext> {
  const answered = new WeakMap<Request, Omit<RateLimitState, 'cost' | 'dryRun'>>();
  const priceOf = createCostPricer();
  /** A budget nothing was charged to in the current hour. */
  const untouched = () => ({
    limit: settings.pointsPerHour,
    remaining: settings.pointsPerHour,
    used: 0,
    resetAt: new Date(now().getTime() + 3600_000),
  });
  /**
   * Prices and charges an operation before it runs; answers the refusal to send instead, if any (over the maximum,
   * or the budget spent).
   */
  async function charge(
    args: {
      schema: GraphQLSchema;
      document: DocumentNode;
      variableValues?: Maybe<Record<string, unknown>>;
      operationName?: Maybe<string>;
      contextValue: Context;
    },
    operationName: string | undefined,
  ): Promise<
    | { refusal: GraphQLError }
    | { cost: number; charged: number; key: string; state: Omit<RateLimitState, 'cost' | 'dryRun'> }
  > {
    const cost = priceOf(args.schema, args.document, args.variableValues ?? {}, operationName, args.contextValue);
    // A cached answer's actual cost, when it is one, is what it nets: charged at once, nothing to give back (PT-10.7).
    const { knownCost } = args.contextValue;
    const charged = knownCost === null ? cost : Math.min(cost, knownCost);
    const key = budgetKey(args.contextValue);
    if (cost > settings.maxCost) {
      return {
        refusal: new GraphQLError(
          `This operation costs ${cost} points; one may cost at most ${settings.maxCost}. Ask for smaller pages or fewer nested lists.`,
          { extensions: { code: 'COST_LIMIT_EXCEEDED', cost, maximum: settings.maxCost } },
        ),
      };
    }
    try {
      const state = stateOf(await budget.consume(key, charged), settings, now());
      answered.set(args.contextValue.request, state);
      return { cost, charged, key, state };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const state = stateOf(rejection, settings, now());
      answered.set(args.contextValue.request, state);
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      return {
        refusal: new GraphQLError(
          `This operation costs ${charged} points and your hourly budget of ${settings.pointsPerHour} is spent until ${state.resetAt.toISOString()}.`,
          {
            extensions: {
              code: 'RATE_LIMITED',
              cost: charged,
              resetAt: state.resetAt.toISOString(),
              http: { status: 429, headers: { 'retry-after': String(retryAfter) } },
            },
          },
        ),
      };
    }
  }

  return {
    // A subscription is charged once, when it opens, for what each event selects (INT-5.3).
    async onSubscribe({ args, setResultAndStopExecution, extendContext }) {
      const operationName = args.operationName ?? undefined;
      const charged = await charge(args, operationName);
      if ('refusal' in charged) {
        setResultAndStopExecution({ errors: [charged.refusal] });
        return;
      }
      extendContext({ rateLimit: { ...charged.state, cost: charged.cost, dryRun: false } });
    },
    async onExecute({ args, setResultAndStopExecution, setExecuteFn, executeFn, extendContext }) {
      const operationName = args.operationName ?? undefined;
      const operation = operationOf(args.document, operationName);
      if (!operation || operation.operation === 'subscription') return;
      const variables = args.variableValues ?? {};
      const request = args.contextValue.request;
      if (isDryRun(operation, variables)) {
        const cost = priceOf(args.schema, args.document, variables, operationName, args.contextValue);
        const current = await budget.get(budgetKey(args.contextValue));
        const state = current ? stateOf(current, settings, now()) : untouched();
        answered.set(request, state);
        extendContext({ rateLimit: { ...state, cost, dryRun: true } });
        // Nothing but rateLimit runs, and nothing is charged (INT-5.6).
        setExecuteFn((executionArgs) =>
          executeFn({
            ...executionArgs,
            document: {
              ...executionArgs.document,
              definitions: executionArgs.document.definitions.map((definition: DefinitionNode) =>
                definition === operation
                  ? {
                      ...operation,
                      selectionSet: {
                        ...operation.selectionSet,
                        selections: operation.selectionSet.selections.filter(onlyRateLimit),
                      },
                    }
                  : definition,
              ),
            },
          }),
        );
        return;
      }
      const priced = await charge(args, operationName);
      if ('refusal' in priced) {
        setResultAndStopExecution({ errors: [priced.refusal] });
        return;
      }
      const { cost, charged, key, state } = priced;
      extendContext({ rateLimit: { ...state, cost, dryRun: false } });
      return {
        onExecuteDone: async ({ result, setResult }) => {
          if (!('data' in result) || Symbol.asyncIterator in result) return;
          // Counted already when the cache served or kept it (PT-10.7); otherwise counted in its data.
          const { knownCost } = args.contextValue;
          const actual = Math.min(
            cost,
            knownCost ?? actualCost(args.schema, args.document, operationName, result.data),
          );
          let remaining = state.remaining;
          // What the answer did not use goes back to the budget (INT-5.4).
          if (actual < charged) remaining = Math.max(0, (await budget.reward(key, charged - actual)).remainingPoints);
          const after = { ...state, remaining, used: settings.pointsPerHour - remaining };
          answered.set(request, after);
          setResult({
            ...result,
            extensions: {
              ...result.extensions,
              cost: {
                requestedQueryCost: cost,
                actualQueryCost: actual,
                limit: settings.pointsPerHour,
                remaining,
                resetAt: after.resetAt.toISOString(),
              },
            },
          });
        },
      };
    },
    // Every answer says where the caller's budget stands, also one refused before it was priced (an invalid
    // document, an operation over the maximum): then as the budget stands now.
    async onResponse({ request, response, serverContext }) {
      let state = answered.get(request);
      if (!state && serverContext) {
        const current = await budget.get(budgetKey(serverContext));
        state = current ? stateOf(current, settings, now()) : untouched();
      }
      if (!state) return;
      for (const [name, value] of Object.entries(rateLimitHeaders(state, now()))) response.headers.set(name, value);
    },
  };
}
