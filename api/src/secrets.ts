// The access-token signing key: JWT_SECRET when given, else a random key created on first start
// and kept in the data directory (readable by the owner only).
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function loadTokenSecret(secret: string | undefined, dataDir: string): Promise<Uint8Array> {
  if (secret !== undefined) return new TextEncoder().encode(secret);
  const file = join(dataDir, 'jwt-secret');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing !== undefined && existing.trim().length >= 43) return new TextEncoder().encode(existing.trim());
  await mkdir(dataDir, { recursive: true });
  const created = randomBytes(48).toString('base64url');
  await writeFile(file, `${created}\n`, { mode: 0o600 });
  return new TextEncoder().encode(created);
}
