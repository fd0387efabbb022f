// Start-up configuration: environment variables, validated once. A bad value stops the server
// with a message naming the variable.
import { join, resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  YELLO_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'must list http(s) origins, separated by commas' }))),
  COOKIE_SECURE: booleanFlag.default(false),
  TRUST_PROXY: booleanFlag.default(false),
  WEB_DIST_DIR: z.string().min(1).optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  RATE_LIMIT_POINTS_PER_HOUR: z.coerce.number().int().min(1).default(1_000_000),
  MAX_OPERATION_COST: z.coerce.number().int().min(1).default(50_000),
  WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: booleanFlag.default(false),
  RESPONSE_CACHE_MB: z.coerce.number().int().min(0).max(65536).default(64),
  RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  mode: Environment['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  /** Where the embedded PGlite keeps its files, inside the data directory. */
  pgliteDir: string;
  databaseUrl: string | undefined;
  jwtSecret: string | undefined;
  corsOrigins: string[];
  cookieSecure: boolean;
  trustProxy: boolean;
  webDistDir: string | undefined;
  /** Origin of the web app as users reach it, for links in invitations. */
  publicUrl: string | undefined;
  /** Redis that carries events between API instances; in-process only when absent (RT-3.1). */
  redisUrl: string | undefined;
  /** Days the workspace event log keeps its events (RT-1.6). */
  eventRetentionDays: number;
  /** Days the audit log keeps its entries (HOOK-3.1). */
  auditRetentionDays: number;
  /** Each caller's hourly budget and the most one operation may cost (INT-5.2, INT-5.3). */
  rateLimits: { pointsPerHour: number; maxCost: number };
  /** Webhooks may reach private, loopback and link-local addresses and plain http URLs (HOOK-7.2); off by default. */
  webhooksAllowPrivateAddresses: boolean;
  /** The cache of repeated reads in this instance's memory: megabytes of answers (0: off) and their TTL (PT-10.5). */
  responseCache: { maxBytes: number; ttlMs: number };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration from environment variables; throws ConfigError naming each bad one. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  // Relative paths are read from where the user ran npm (INIT_CWD), not from the workspace folder
  // npm switches to, so `YELLO_DATA_DIR=./data npm start` means ./data of the repository.
  const dataDir = resolve(env.INIT_CWD ?? '.', e.YELLO_DATA_DIR);
  return {
    mode: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    pgliteDir: join(dataDir, 'pglite'),
    databaseUrl: e.DATABASE_URL,
    jwtSecret: e.JWT_SECRET,
    corsOrigins: e.CORS_ORIGINS,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    webDistDir: e.WEB_DIST_DIR,
    publicUrl: e.PUBLIC_URL === undefined ? undefined : new URL(e.PUBLIC_URL).origin,
    redisUrl: e.REDIS_URL,
    eventRetentionDays: e.EVENT_RETENTION_DAYS,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    rateLimits: { pointsPerHour: e.RATE_LIMIT_POINTS_PER_HOUR, maxCost: e.MAX_OPERATION_COST },
    webhooksAllowPrivateAddresses: e.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES,
    responseCache: { maxBytes: e.RESPONSE_CACHE_MB * 1024 * 1024, ttlMs: e.RESPONSE_CACHE_TTL_SECONDS * 1000 },
  };
}

/** loadConfig for entry points: prints the problems and exits with status 1. */
export function loadConfigOrExit(env: Record<string, string | undefined>): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
