// CPU time of processes as Linux reports it in /proc/<pid>/stat (user + system, all threads), for the bench's
// "CPU ms per request": of a server process it started, and of the PostgreSQL backends serving its database.
import { readFileSync } from 'node:fs';
import type pg from 'pg';

/** Linux reports CPU time in clock ticks of USER_HZ, which is 100 on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/** The CPU time the process has used so far, in ms; undefined when there is no such process or no /proc. */
export function processCpuMs(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count the fields after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  if (!(Number.isFinite(userTicks) && Number.isFinite(systemTicks))) return undefined;
  return ((userTicks + systemTicks) * 1000) / TICKS_PER_SECOND;
}

function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** CPU ms per PostgreSQL backend process, by pid. */
export type BackendCpu = ReadonlyMap<number, number>;

/** Whether the client's PostgreSQL server runs on this machine: its own backend is a postgres process here. */
export async function postgresIsLocal(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const pid = rows[0]?.pid;
  return pid !== undefined && commandOf(pid) === 'postgres' && processCpuMs(pid) !== undefined;
}

/**
 * The CPU time of the backends connected to the client's database (the client's own aside), read from /proc, for a
 * server that runs on this machine (postgresIsLocal). A backend that ends before it is read is left out.
 */
export async function postgresBackendCpu(client: pg.Client): Promise<BackendCpu> {
  const { rows } = await client.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const used = commandOf(pid) === 'postgres' ? processCpuMs(pid) : undefined;
    if (used !== undefined) cpu.set(pid, used);
  }
  return cpu;
}

/** CPU ms the backends used between two samples (a backend that started in between counts from zero). */
export function backendCpuBetween(before: BackendCpu, after: BackendCpu): number {
  let total = 0;
  for (const [pid, used] of after) total += used - (before.get(pid) ?? 0);
  return total;
}
