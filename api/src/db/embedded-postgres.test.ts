import { mkdtemp, readdir, readFile, readlink, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

async function query(connectionString: string, sql: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('AUTH-13.3 keeps its data in the data directory across restarts', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'yello-pglite-')), 'pglite');
    const first = await startEmbeddedPostgres({ dataDir });
    await query(first.connectionString, "CREATE TABLE note (body text); INSERT INTO note VALUES ('kept')");
    await first.stop();
    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query(second.connectionString, 'SELECT body FROM note')).toEqual([{ body: 'kept' }]);
    } finally {
      await second.stop();
    }
  });
});

/** The TCP ports this process listens on (Linux): its socket inodes matched with the kernel's LISTEN table. */
async function ownListeningTcpPorts(): Promise<string[]> {
  const inodes = new Set<string>();
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode) inodes.add(inode);
  }
  const ports: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of (await readFile(table, 'utf8')).split('\n').slice(1)) {
      const [, local = '', , state, , , , , , inode = ''] = line.trim().split(/\s+/);
      if (state === '0A' && inodes.has(inode)) ports.push(local);
    }
  }
  return ports.sort();
}

describe('who can reach the embedded database', () => {
  it('AUTH-13.10 it listens on a Unix socket in a directory only its user may open, and on no TCP port', async () => {
    const before = await ownListeningTcpPorts();
    const server = await startEmbeddedPostgres();
    try {
      expect(await ownListeningTcpPorts()).toEqual(before);
      const socketDir = new URL(server.connectionString).searchParams.get('host') ?? '';
      const info = await stat(socketDir);
      expect(info.mode & 0o777).toBe(0o700);
      expect(info.uid).toBe(process.getuid?.());
      expect((await stat(join(socketDir, '.s.PGSQL.5432'))).isSocket()).toBe(true);
      expect(await query(server.connectionString, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await server.stop();
    }
  });
});
