import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('AUTH-13.1 has defaults for a first start', () => {
    expect(loadConfig({})).toMatchObject({
      mode: 'production',
      port: 3000,
      host: '127.0.0.1',
      dataDir: resolve('./data'),
      databaseUrl: undefined,
      corsOrigins: [],
    });
  });

  it('AUTH-13.1 reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/yello',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      COOKIE_SECURE: 'true',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/yello',
      corsOrigins: ['https://a.example', 'https://b.example'],
      cookieSecure: true,
    });
  });

  it('AUTH-13.1 stops on a bad value, naming each variable', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/DATABASE_URL: must be a postgres/);
    expect(attempt).toThrow(/JWT_SECRET: must be at least 32/);
  });

  it('AUTH-13.3 reads a relative data directory from where npm was started', () => {
    expect(loadConfig({ INIT_CWD: '/srv/yello', YELLO_DATA_DIR: './data' }).dataDir).toBe('/srv/yello/data');
    expect(loadConfig({ INIT_CWD: '/srv/yello', YELLO_DATA_DIR: '/var/lib/yello' }).dataDir).toBe('/var/lib/yello');
  });

  it('RT-1.6 RT-3.1 keeps events 30 days unless told (1 to 3650), and shares them through Redis only when REDIS_URL is set', () => {
    expect(loadConfig({})).toMatchObject({ eventRetentionDays: 30, redisUrl: undefined });
    expect(loadConfig({ EVENT_RETENTION_DAYS: '7', REDIS_URL: 'redis://127.0.0.1:6379' })).toMatchObject({
      eventRetentionDays: 7,
      redisUrl: 'redis://127.0.0.1:6379',
    });
    for (const bad of [{ EVENT_RETENTION_DAYS: '0' }, { EVENT_RETENTION_DAYS: '3651' }, { REDIS_URL: 'http://x' }]) {
      expect(() => loadConfig(bad)).toThrow(ConfigError);
    }
  });

  it('HOOK-3.1 keeps audit entries 365 days unless told, 1 to 3650', () => {
    expect(loadConfig({}).auditRetentionDays).toBe(365);
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '90' }).auditRetentionDays).toBe(90);
    for (const bad of ['0', '3651', 'a year']) {
      expect(() => loadConfig({ AUDIT_RETENTION_DAYS: bad })).toThrow(/AUDIT_RETENTION_DAYS/);
    }
  });

  it('INT-5.2 INT-5.3 budgets 1,000,000 points an hour and operations up to 50,000 unless told', () => {
    expect(loadConfig({}).rateLimits).toEqual({ pointsPerHour: 1_000_000, maxCost: 50_000 });
    expect(loadConfig({ RATE_LIMIT_POINTS_PER_HOUR: '5000', MAX_OPERATION_COST: '1000' }).rateLimits).toEqual({
      pointsPerHour: 5000,
      maxCost: 1000,
    });
    expect(() => loadConfig({ MAX_OPERATION_COST: '0' })).toThrow(ConfigError);
  });

  it('PT-10.5 keeps 64 MB of answers for 60 seconds unless told; 0 MB turns the cache off', () => {
    expect(loadConfig({}).responseCache).toEqual({ maxBytes: 64 * 1024 * 1024, ttlMs: 60_000 });
    expect(loadConfig({ RESPONSE_CACHE_MB: '0', RESPONSE_CACHE_TTL_SECONDS: '5' }).responseCache).toEqual({
      maxBytes: 0,
      ttlMs: 5000,
    });
    for (const bad of [
      { RESPONSE_CACHE_MB: '-1' },
      { RESPONSE_CACHE_TTL_SECONDS: '0' },
      { RESPONSE_CACHE_TTL_SECONDS: '3601' },
    ]) {
      expect(() => loadConfig(bad)).toThrow(/RESPONSE_CACHE/);
    }
  });

  it('HOOK-7.2 refuses private addresses to webhooks unless WEBHOOKS_ALLOW_PRIVATE_ADDRESSES is set', () => {
    expect(loadConfig({}).webhooksAllowPrivateAddresses).toBe(false);
    expect(loadConfig({ WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true' }).webhooksAllowPrivateAddresses).toBe(true);
    expect(loadConfig({ WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: '1' }).webhooksAllowPrivateAddresses).toBe(true);
    expect(loadConfig({ WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'false' }).webhooksAllowPrivateAddresses).toBe(false);
    expect(() => loadConfig({ WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'yes' })).toThrow(/WEBHOOKS_ALLOW_PRIVATE_ADDRESSES/);
  });
});
