// GraphiQL's opening examples (integrator-api requirement 4): valid against the schema, with a token placeholder.
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.ts';
import { GRAPHIQL_HEADERS, graphiqlTabs } from '../src/graphql/yoga.ts';

describe('GraphiQL examples', () => {
  it('INT-4.1 opens with a query, a paginated list, a mutation, a subscription and the webhooks, each valid against the schema', () => {
    const operations = graphiqlTabs.map((tab) => {
      const document = parse(tab.query);
      expect(validate(schema, document)).toEqual([]);
      if (tab.variables !== undefined) expect(() => JSON.parse(tab.variables ?? '')).not.toThrow();
      return document.definitions.map((definition) => ('operation' in definition ? definition.operation : undefined));
    });
    expect(operations.flat()).toEqual(['query', 'query', 'mutation', 'subscription', 'query']);
    expect(JSON.parse(GRAPHIQL_HEADERS)).toEqual({ Authorization: expect.stringMatching(/^Bearer </) });
    // A browser sends only ISO-8859-1 header values.
    expect(GRAPHIQL_HEADERS).toMatch(/^[\x20-\x7e\n]*$/);
  });
});
