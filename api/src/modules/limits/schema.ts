// The caller's budget as GraphQL shows it (INT-5.6): `Query.rateLimit`, priced and charged by the rate-limit plugin.
import { builder } from '../../graphql/builder.ts';
import type { RateLimitState } from '../../graphql/context.ts';

const RateLimitRef = builder.objectRef<RateLimitState>('RateLimit').implement({
  description:
    'Your hourly budget of points (per API token, else per session, else per client address), shared by every server. Each query or mutation costs 1 per object, 2 + its page size × its selection per connection and 10 × its selection per list; what the answer did not use is given back.',
  fields: (t) => ({
    cost: t.exposeInt('cost', {
      description: 'What this operation costs; with `dryRun`, what the rest of it would cost (and nothing is charged).',
    }),
    limit: t.exposeInt('limit', { description: 'Points per hour.' }),
    remaining: t.exposeInt('remaining', { description: 'Points left until `resetAt`, after this operation’s charge.' }),
    used: t.exposeInt('used', { description: 'Points spent in the current hour, this operation’s included.' }),
    resetAt: t.expose('resetAt', { type: 'DateTime', description: 'When the budget is whole again.' }),
  }),
});

builder.queryField('rateLimit', (t) =>
  t.field({
    type: RateLimitRef,
    description:
      'What this operation costs and what is left of your budget. With `dryRun: true`, nothing else in the document runs and nothing is charged: `cost` is what the rest of the document would cost.',
    args: {
      dryRun: t.arg.boolean({
        defaultValue: false,
        description: 'Price the document without running or charging it.',
      }),
    },
    resolve: (_root, _args, context) => {
      if (context.rateLimit === null) throw new Error('The operation was not priced.');
      return context.rateLimit;
    },
  }),
);
