// Entry point: reads the configuration, opens the database, builds the app and listens.
import { serve } from '@hono/node-server';
import { Redis } from 'ioredis';
import { createApp } from './app.ts';
import { loadConfigOrExit } from './config.ts';
import { openDatabase, startPostgres } from './db/database.ts';
import { createPasswordHasher } from './modules/accounts/password-hasher.ts';
import { createAuditRetention, scheduleAuditRetention } from './modules/audit/audit-retention.ts';
import { createLocalEventBus, createRedisEventBus, type EventBus } from './modules/events/event-bus.ts';
import { scheduleRetention } from './modules/events/event-log.ts';
import { createOutboundHttp, PRODUCTION_OUTBOUND_LIMITS } from './modules/webhooks/outbound.ts';
import { loadTokenSecret } from './secrets.ts';
import { systemClock } from './shared/clock.ts';

const config = loadConfigOrExit(process.env);

const database = await openDatabase(await startPostgres({ url: config.databaseUrl, dataDir: config.pgliteDir }));
for (const name of database.appliedMigrations) console.log(`Applied migration ${name}`);

const reportBusError = (error: unknown) => console.error('Event bus:', error);
/** Events reach subscribers on every instance through Redis when it is configured, else in this process (RT-3.1). */
const connectRedis = (url: string) => new Redis(url, { maxRetriesPerRequest: null });
/** Redis when configured: events reach subscribers on every instance (RT-3.1), and budgets are shared (INT-5.3). */
const redis = config.redisUrl ? connectRedis(config.redisUrl) : undefined;
function eventBus(): EventBus {
  if (!redis || !config.redisUrl) return createLocalEventBus(reportBusError);
  return createRedisEventBus(redis, connectRedis(config.redisUrl), reportBusError);
}
const bus = eventBus();

const app = createApp({
  bus,
  redis,
  rateLimits: config.rateLimits,
  responseCache: config.responseCache,
  db: database.prisma,
  clock: systemClock,
  hasher: await createPasswordHasher(),
  tokenSecret: await loadTokenSecret(config.jwtSecret, config.dataDir),
  development: config.mode === 'development',
  cookieSecure: config.cookieSecure,
  corsOrigins: config.corsOrigins,
  trustProxy: config.trustProxy,
  publicUrl: config.publicUrl,
  webDistDir: config.webDistDir ?? new URL('../../web/dist', import.meta.url).pathname,
  outbound: createOutboundHttp({
    allowPrivateAddresses: config.webhooksAllowPrivateAddresses,
    ...PRODUCTION_OUTBOUND_LIMITS,
  }),
});

/** Webhook deliveries from the event log, shared with the other instances through the database (HOOK-6). */
const stopWebhooks = app.webhookDispatcher.start({
  intervalMs: 1_000,
  onError: (error) => console.error('Webhooks:', error),
});

const stopRetention = scheduleRetention(app.services.events, {
  clock: systemClock,
  days: config.eventRetentionDays,
  onError: (error) => console.error('Event retention:', error),
});

// Daily, on one instance at a time (an advisory lock), and the only path that deletes audit entries (HOOK-3.1).
const stopAuditRetention = scheduleAuditRetention(
  createAuditRetention({ db: database.prisma, clock: systemClock, days: config.auditRetentionDays }),
  { onError: (error) => console.error('Audit retention:', error) },
);

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const where = `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}`;
  console.log(`Yello is running at ${where}  (GraphQL API and GraphiQL at ${where}/graphql)`);
  console.log(
    config.databaseUrl ? 'Database: PostgreSQL (DATABASE_URL)' : `Database: embedded PGlite in ${config.dataDir}`,
  );
  console.log(config.redisUrl ? 'Events: shared through Redis (REDIS_URL)' : 'Events: in this process');
});

async function shutdown() {
  stopRetention();
  stopAuditRetention();
  server.close();
  await stopWebhooks();
  await bus.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
