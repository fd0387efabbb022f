import { describe, expect, test } from './fixtures.ts';

describe('unexpected errors', () => {
  test('AUTH-11.3, AUTH-11.4 are masked: no SQL, ORM or stack text reaches the client', async ({ api, user }) => {
    await api.db.prisma.$executeRawUnsafe('ALTER TABLE "Session" RENAME COLUMN "userAgent" TO "agent"');
    const result = await api.operation('{ sessions { id userAgent } }', { token: user.accessToken });
    const text = JSON.stringify(result.body);
    expect(result.body.errors?.[0]?.message).toBe('Unexpected error.');
    expect(text).not.toMatch(/does not exist|prisma|SELECT|"agent"|stack/i);
  });
});
