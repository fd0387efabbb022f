// Every operation the web app sends passes the server's query limits (depth, aliases, tokens, cost), as the
// client sends it (with its fragments and `__typename`s). Limits are checked before execution, so the
// operations go without variables: they fail later, on the variables, and never on a limit.
import { print } from 'graphql';
import { webOperations } from '../../web/test/graphql-documents.ts';
import { describe, expect, test } from './fixtures.ts';
import { errorCodes } from './test-api.ts';

const limitCodes = new Set([
  'DEPTH_LIMIT_EXCEEDED',
  'ALIAS_LIMIT_EXCEEDED',
  'DIRECTIVE_LIMIT_EXCEEDED',
  'TOKEN_LIMIT_EXCEEDED',
  'COST_LIMIT_EXCEEDED',
]);

describe('the web app within the query limits', () => {
  test('AUTH-12.6 no operation of the web app is refused by a query limit', async ({ api, user }) => {
    const operations = await webOperations();
    expect(operations.length).toBeGreaterThan(20);
    const refused: string[] = [];
    for (const { name, document } of operations) {
      const result = await api.operation(print(document), { token: user.accessToken });
      const limits = errorCodes(result.body).filter((code) => code !== undefined && limitCodes.has(code));
      if (limits.length > 0) refused.push(`${name}: ${limits.join(', ')}`);
    }
    expect(refused).toEqual([]);
  });
});
