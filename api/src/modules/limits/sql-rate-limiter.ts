// rate-limiter-flexible's Prisma store (the `RateLimit` model), with each charge in one statement. The library's
// `RateLimiterPrisma` deletes an expired row, then upserts: two round trips for every operation's charge and two for
// its refund (INT-5.3, INT-5.4), which a profile of the API under load showed waiting on PostgreSQL (issue 10). Here
// the expiry is decided inside the upsert, as the library's own PostgreSQL store does (`RateLimiterPostgres`), on the
// model the Prisma store already uses, so PGlite and PostgreSQL keep one table. Custom stores extend the library's
// store classes (its README: "Any new limiter with storage must be extended from RateLimiterStoreAbstract"); reads,
// deletes and the result's shape stay the Prisma store's.
import { RateLimiterPrisma } from 'rate-limiter-flexible';
import type { Db } from '../../db/database.ts';

/** The row as the Prisma store reads it: the points consumed in the window, and when the window ends. */
interface RateLimitRow {
  readonly points: number;
  readonly expire: Date | null;
}

export class SqlRateLimiter extends RateLimiterPrisma {
  readonly #db: Db;

  constructor(db: Db, options: { keyPrefix: string; points: number; duration: number }) {
    super({ storeClient: db, tableName: 'rateLimit', ...options });
    this.#db = db;
  }

  /**
   * Adds `points` to the key's window in one statement: a new row, or an expired one (or any, with `forceExpire`)
   * starts a window of `msDuration` with `points`; a current one is incremented in the database, so that concurrent
   * charges all count. Called by the library (`consume`, `reward`, `penalty`, `set`).
   */
  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<RateLimitRow> {
    const now = new Date();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    const [row] = await this.#db.$queryRaw<RateLimitRow[]>`
      INSERT INTO "RateLimit" ("key", "points", "expire")
      VALUES (${key}, ${points}, ${expire})
      ON CONFLICT ("key") DO UPDATE SET
        "points" = CASE
          WHEN ${forceExpire} OR "RateLimit"."expire" <= ${now} THEN EXCLUDED."points"
          ELSE "RateLimit"."points" + EXCLUDED."points"
        END,
        "expire" = CASE
          WHEN ${forceExpire} OR "RateLimit"."expire" <= ${now} THEN EXCLUDED."expire"
          ELSE "RateLimit"."expire"
        END
      RETURNING "points", "expire"`;
    if (!row) throw new Error(`The rate limit of ${key} was not written.`);
    return row;
  }
}
