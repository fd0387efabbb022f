import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTokenSecret } from './secrets.ts';

describe('loadTokenSecret', () => {
  it('AUTH-13.2 creates a random key on first start, keeps it private, and reuses it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yello-secret-'));
    const first = await loadTokenSecret(undefined, dir);
    expect(first.byteLength).toBeGreaterThanOrEqual(32);
    expect((await stat(join(dir, 'jwt-secret'))).mode & 0o077).toBe(0);
    expect(await loadTokenSecret(undefined, dir)).toEqual(first);
    expect(await loadTokenSecret(undefined, await mkdtemp(join(tmpdir(), 'yello-secret-')))).not.toEqual(first);
  });

  it('AUTH-13.2 uses JWT_SECRET when given', async () => {
    const secret = 'x'.repeat(40);
    expect(await loadTokenSecret(secret, '/nonexistent')).toEqual(new TextEncoder().encode(secret));
  });
});
