import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../../src/config/config.js';

describe('configuration', () => {
  it('works on a laptop with no variables set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.role).toBe('all');
    expect(config.databaseUrl).toBe('sqlite:./data/instagram-sync.sqlite');
    expect(config.graphApi.url).toBe('https://graph.facebook.com');
    expect(config.sync).toEqual({
      cron: '0 2 * * *',
      deepCron: '0 3 * * 0',
      tokenRefreshCron: '30 4 * * *',
      timezone: 'Asia/Seoul',
      concurrency: 5,
      maxConcurrency: 10,
      accountConcurrency: 16,
      queueCapacity: 25,
      mediaInsightCadence: [
        { underDays: 7, everyDays: 0 },
        { underDays: 30, everyDays: 3 },
        { underDays: null, everyDays: 7 },
      ],
      mediaTypeMetrics: false,
    });
    // No key ships in the source: without one, the service generates its own at start-up.
    expect(config.tokenEncryption).toEqual({ key: undefined, oldKeys: [] });
    expect(config.dataDir).toBe('./data');
    expect(config.shutdownTimeoutMs).toBe(10_000);
    expect(config.graphApi.appSecret).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every bad variable and what it allows, all at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        ROLE: 'boss',
        SYNC_TIMEZONE: 'Mars/Olympus',
        SYNC_CONCURRENCY: '0',
        SYNC_ACCOUNT_CONCURRENCY: '500',
        SHUTDOWN_TIMEOUT_MS: '10s',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT="eighty": must be a whole number from 0 to 65535/);
    expect(problems).toMatch(/ROLE="boss":.*"all".*"api".*"worker"/);
    expect(problems).toMatch(/SYNC_TIMEZONE="Mars\/Olympus": must be an IANA time zone/);
    expect(problems).toMatch(/SYNC_CONCURRENCY="0": must be a whole number from 1 to 10/);
    expect(problems).toMatch(
      /SYNC_ACCOUNT_CONCURRENCY="500": must be a whole number from 1 to 200/,
    );
    expect(problems).toMatch(
      /SHUTDOWN_TIMEOUT_MS="10s": must be a whole number from 100 to 600000/,
    );
  });

  it('refuses a worker concurrency above the configured maximum', () => {
    expect(() => loadConfig({ SYNC_CONCURRENCY: '8', SYNC_MAX_CONCURRENCY: '6' })).toThrow(
      /SYNC_CONCURRENCY=8: must not exceed SYNC_MAX_CONCURRENCY \(6\)/,
    );
  });

  it('refuses to start in production without the JWT secret and the encryption key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /AUTH_JWT_SECRET: required when NODE_ENV=production[\s\S]*TOKEN_ENCRYPTION_KEY: required/,
    );
  });

  it('accepts a real 32-byte key and refuses a short one', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(
      loadConfig({ TOKEN_ENCRYPTION_KEY: key }).tokenEncryption.key?.equals(Buffer.alloc(32, 7)),
    ).toBe(true);
    expect(() => loadConfig({ TOKEN_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
      /TOKEN_ENCRYPTION_KEY=.*must be 32 bytes/,
    );
  });

  it('reads old decryption keys as a comma-separated list and refuses one that is not a key', () => {
    const [a, b] = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
    const { oldKeys } = loadConfig({
      TOKEN_ENCRYPTION_KEYS_OLD: `${a.toString('base64')}, ${b.toString('base64')}`,
    }).tokenEncryption;
    expect(oldKeys.map((k) => k.toString('hex'))).toEqual([a.toString('hex'), b.toString('hex')]);
    expect(() =>
      loadConfig({ TOKEN_ENCRYPTION_KEYS_OLD: `${a.toString('base64')},short` }),
    ).toThrow(/TOKEN_ENCRYPTION_KEYS_OLD=<hidden>: must be comma-separated 32-byte keys/);
  });

  it('refuses a plain-http Graph API URL in production, and allows it for the local fake elsewhere', () => {
    const production = {
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: 'x'.repeat(32),
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    };
    expect(() =>
      loadConfig({ ...production, IG_GRAPH_API_URL: 'http://graph.facebook.com' }),
    ).toThrow(
      /IG_GRAPH_API_URL="http:\/\/graph.facebook.com": must be https when NODE_ENV=production/,
    );
    expect(() =>
      loadConfig({ ...production, IG_INSTAGRAM_API_URL: 'http://graph.instagram.com' }),
    ).toThrow(
      /IG_INSTAGRAM_API_URL="http:\/\/graph.instagram.com": must be https when NODE_ENV=production/,
    );
    expect(loadConfig(production).graphApi.url).toBe('https://graph.facebook.com');
    expect(loadConfig(production).graphApi.instagramUrl).toBe('https://graph.instagram.com');
    expect(loadConfig({ IG_GRAPH_API_URL: 'http://127.0.0.1:9999' }).graphApi.url).toBe(
      'http://127.0.0.1:9999',
    );
  });

  it('refuses a cron line that is not five fields and a database URL of another engine', () => {
    expect(() => loadConfig({ SYNC_CRON: '0 0 2 * * *' })).toThrow(/SYNC_CRON=.*5-field cron/);
    expect(() => loadConfig({ SYNC_CRON: '99 99 * * *' })).toThrow(/SYNC_CRON=.*5-field cron/);
    expect(() => loadConfig({ SYNC_CRON: '0 0 31 2 *' })).toThrow(/SYNC_CRON=.*5-field cron/);
    expect(loadConfig({ SYNC_CRON: '30 3 * * MON-FRI' }).sync.cron).toBe('30 3 * * MON-FRI');
    expect(() => loadConfig({ TOKEN_REFRESH_CRON: '99 4 * * *' })).toThrow(
      /TOKEN_REFRESH_CRON=.*5-field cron/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x' })).toThrow(
      /DATABASE_URL=.*sqlite: or mysql:\/\//,
    );
  });

  it('reads the media insights cadence as age rules and refuses one that is not', () => {
    expect(
      loadConfig({ SYNC_MEDIA_INSIGHTS_CADENCE: '3:0, 14:2, *:10' }).sync.mediaInsightCadence,
    ).toEqual([
      { underDays: 3, everyDays: 0 },
      { underDays: 14, everyDays: 2 },
      { underDays: null, everyDays: 10 },
    ]);
    expect(() => loadConfig({ SYNC_MEDIA_INSIGHTS_CADENCE: 'weekly' })).toThrow(
      /SYNC_MEDIA_INSIGHTS_CADENCE="weekly": must be like 7:0,30:3,\*:7 \("weekly" is not/,
    );
    expect(() => loadConfig({ SYNC_MEDIA_INSIGHTS_CADENCE: '7:0,30:3' })).toThrow(
      /SYNC_MEDIA_INSIGHTS_CADENCE=.*the last rule, and only it, must be \*/,
    );
    expect(() => loadConfig({ SYNC_MEDIA_INSIGHTS_CADENCE: '30:3,7:0,*:7' })).toThrow(
      /SYNC_MEDIA_INSIGHTS_CADENCE=.*ages must be ascending/,
    );
    expect(loadConfig({ SYNC_MEDIA_TYPE_METRICS: 'true' }).sync.mediaTypeMetrics).toBe(true);
    expect(() => loadConfig({ SYNC_MEDIA_TYPE_METRICS: 'yes' })).toThrow(
      /SYNC_MEDIA_TYPE_METRICS="yes": must be true or false/,
    );
  });

  it('never quotes a secret in a refusal', () => {
    const shortSecret = 'short-but-secret-value';
    let message = '';
    try {
      loadConfig({
        AUTH_JWT_SECRET: shortSecret,
        TOKEN_ENCRYPTION_KEY: 'not-a-key-secret',
        TOKEN_ENCRYPTION_KEYS_OLD: 'old-key-secret',
        IG_APP_SECRET: 'appsec',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/AUTH_JWT_SECRET=<hidden>: must be at least 32 bytes/);
    expect(message).toMatch(/TOKEN_ENCRYPTION_KEY=<hidden>/);
    expect(message).toMatch(/TOKEN_ENCRYPTION_KEYS_OLD=<hidden>/);
    expect(message).toMatch(/IG_APP_SECRET=<hidden>/);
    expect(message).not.toContain('old-key-secret');
    expect(message).not.toContain('appsec');
    expect(message).not.toContain(shortSecret);
    expect(message).not.toContain('not-a-key-secret');
  });

  it('stays on loopback without a JWT secret unless told that is intended', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(
      /HOST="0.0.0.0": listening beyond 127.0.0.1 needs AUTH_JWT_SECRET/,
    );
    expect(loadConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'true' }).host).toBe('0.0.0.0');
    expect(loadConfig({ AUTH_JWT_SECRET: 'x'.repeat(32) }).host).toBe('0.0.0.0');
  });
});
