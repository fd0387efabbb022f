// Retention of the audit log (HOOK-3.1): entries older than AUDIT_RETENTION_DAYS are deleted now and then, by one
// instance at a time, and this is the only path that deletes them (HOOK-1.4): the database refuses a DELETE unless
// the transaction set `yello.audit_retention`, which only this job does, locally to its own transaction.
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';

/**
 * The advisory lock the job holds for its run, so that instances sharing a PostgreSQL server take turns and all but
 * one skip. A constant of Yello's own ("YELLO" and "AUD" in ASCII), in PostgreSQL's one-bigint key space.
 */
export const AUDIT_RETENTION_LOCK = 0x59454c4c4f_415544n;

export const AUDIT_RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What one run did: deleted the entries older than the retention, or skipped because another instance was running. */
export type RetentionRun = { ran: true; deleted: number } | { ran: false };

export interface AuditRetentionDeps {
  db: Db;
  clock: Clock;
  /** How many days entries are kept (AUDIT_RETENTION_DAYS). */
  days: number;
}

export function createAuditRetention({ db, clock, days }: AuditRetentionDeps) {
  return {
    /**
     * Deletes the entries older than `days`, in one transaction that holds the advisory lock; when another instance
     * holds it, does nothing and says so.
     */
    async run(): Promise<RetentionRun> {
      const before = new Date(clock.now().getTime() - days * DAY_MS);
      return db.$transaction(async (tx): Promise<RetentionRun> => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
          SELECT pg_try_advisory_xact_lock(${AUDIT_RETENTION_LOCK}::bigint) AS "locked"`;
        if (!lock?.locked) return { ran: false };
        await tx.$queryRaw`SELECT set_config('yello.audit_retention', 'on', true)`;
        const { count } = await tx.auditEntry.deleteMany({ where: { createdAt: { lt: before } } });
        return { ran: true, deleted: count };
      });
    },
  };
}

export type AuditRetention = ReturnType<typeof createAuditRetention>;

/** Runs the retention now and then every `intervalMs` (a day by default); returns the function that stops it. */
export function scheduleAuditRetention(
  retention: AuditRetention,
  {
    onError,
    intervalMs = AUDIT_RETENTION_INTERVAL_MS,
  }: { onError: (error: unknown) => void; intervalMs?: number | undefined },
): () => void {
  const run = () => {
    retention.run().catch(onError);
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
