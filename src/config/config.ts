import { z } from 'zod';
import { settings, type SettingName } from './config.schema.js';
import type { CadenceRule } from './media-insight-cadence.js';

type Raw = { [K in SettingName]: z.output<(typeof settings)[K]['schema']> };

/** The service's settings, parsed once from the environment and frozen. */
export interface Config {
  readonly env: Raw['NODE_ENV'];
  readonly port: number;
  readonly role: Raw['ROLE'];
  readonly databaseUrl: string;
  readonly redisUrl: string | undefined;
  readonly graphApi: {
    readonly url: string;
    /** Base URL of the Instagram-Login API (graph.instagram.com): token refresh. Unset: `url`. */
    readonly instagramUrl?: string;
    readonly version: string;
    readonly timeoutMs: number;
    readonly maxRetries: number;
    /** Meta app secret: signs every call with `appsecret_proof` when set. */
    readonly appSecret?: string | undefined;
  };
  readonly tokenEncryption: {
    /** 32-byte AES-256-GCM key; unset outside production means "use the generated key file". */
    readonly key: Buffer | undefined;
    /** Keys that only decrypt (values written before a key change). */
    readonly oldKeys: readonly Buffer[];
  };
  /** Folder of generated files (the development token key) when the database is not SQLite. */
  readonly dataDir: string;
  readonly auth: {
    /** HS256 secret; without it nothing is authenticated (and the service stays on loopback). */
    readonly jwtSecret: string | undefined;
    /** Bearer token a metrics scraper may use instead of an admin JWT. */
    readonly metricsToken: string | undefined;
  };
  /** Interface the HTTP server listens on. */
  readonly host: string;
  /** Origins besides the service's own allowed to open the WebSocket. */
  readonly corsOrigins: readonly string[];
  /** Whether a browser opening /graphql gets GraphiQL (off in production unless asked for). */
  readonly graphqlIde: boolean;
  readonly sync: {
    readonly cron: string;
    readonly deepCron: string;
    /** When tokens are refreshed (Instagram Login) or flagged as expiring (Facebook Login). */
    readonly tokenRefreshCron: string;
    readonly timezone: string;
    readonly concurrency: number;
    readonly maxConcurrency: number;
    /** Account steps one worker runs at once (over all its runs). */
    readonly accountConcurrency: number;
    readonly queueCapacity: number;
    /** When a media's insights are asked on their own, by its age. */
    readonly mediaInsightCadence: readonly CadenceRule[];
    /** Also read the metrics only some media types have (a call per such media). */
    readonly mediaTypeMetrics: boolean;
  };
  /** On stop, how long running work gets to reach a checkpoint and requests to finish. */
  readonly shutdownTimeoutMs: number;
  readonly logLevel: Raw['LOG_LEVEL'];
}

/** Start-up refused: `problems` names every bad variable and what it allows. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const shape = Object.fromEntries(Object.entries(settings).map(([name, s]) => [name, s.schema])) as {
  [K in SettingName]: (typeof settings)[K]['schema'];
};
const envSchema = z.object(shape);

/** A setting's value as a problem may quote it: secrets never. */
function shown(name: string, input: Record<string, string | undefined>): string {
  const setting = settings[name as SettingName] as { secret?: boolean } | undefined;
  if (setting?.secret) return '<hidden>';
  return JSON.stringify(input[name]);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Checked on the raw input, so a refusal lists them beside every malformed value. */
function missingForProduction(input: Record<string, string | undefined>): string[] {
  if (input.NODE_ENV !== 'production') return [];
  return (['AUTH_JWT_SECRET', 'TOKEN_ENCRYPTION_KEY'] as const)
    .filter((name) => !input[name])
    .map((name) => `${name}: required when NODE_ENV=production`);
}

/** Reads and validates every setting; throws ConfigError listing all problems at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input = Object.fromEntries(
    Object.keys(settings).map((name) => [name, env[name] === '' ? undefined : env[name]]),
  );
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError([
      ...parsed.error.issues.map(
        (issue) =>
          `${String(issue.path[0])}=${shown(String(issue.path[0]), input)}: ${issue.message}`,
      ),
      ...missingForProduction(input),
    ]);
  }
  const raw = parsed.data;
  const problems: string[] = [];
  if (raw.SYNC_CONCURRENCY > raw.SYNC_MAX_CONCURRENCY) {
    problems.push(
      `SYNC_CONCURRENCY=${raw.SYNC_CONCURRENCY}: must not exceed SYNC_MAX_CONCURRENCY (${raw.SYNC_MAX_CONCURRENCY})`,
    );
  }
  problems.push(...missingForProduction(input));
  // The token travels in every request's header: only TLS keeps it off the wire.
  for (const name of ['IG_GRAPH_API_URL', 'IG_INSTAGRAM_API_URL'] as const) {
    if (raw.NODE_ENV === 'production' && new URL(raw[name]).protocol !== 'https:') {
      problems.push(`${name}=${JSON.stringify(raw[name])}: must be https when NODE_ENV=production`);
    }
  }
  const host = raw.HOST ?? (raw.AUTH_JWT_SECRET ? '0.0.0.0' : '127.0.0.1');
  if (!raw.AUTH_JWT_SECRET && !LOOPBACK.has(host) && !raw.ALLOW_UNAUTHENTICATED) {
    problems.push(
      `HOST=${JSON.stringify(host)}: listening beyond 127.0.0.1 needs AUTH_JWT_SECRET (or ALLOW_UNAUTHENTICATED=true)`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze({
    env: raw.NODE_ENV,
    port: raw.PORT,
    role: raw.ROLE,
    databaseUrl: raw.DATABASE_URL,
    redisUrl: raw.REDIS_URL,
    graphApi: Object.freeze({
      url: raw.IG_GRAPH_API_URL.replace(/\/+$/, ''),
      instagramUrl: raw.IG_INSTAGRAM_API_URL.replace(/\/+$/, ''),
      version: raw.IG_GRAPH_API_VERSION,
      timeoutMs: raw.IG_HTTP_TIMEOUT_MS,
      maxRetries: raw.IG_MAX_RETRIES,
      appSecret: raw.IG_APP_SECRET,
    }),
    tokenEncryption: Object.freeze({
      key: raw.TOKEN_ENCRYPTION_KEY ? Buffer.from(raw.TOKEN_ENCRYPTION_KEY, 'base64') : undefined,
      oldKeys: Object.freeze(
        (raw.TOKEN_ENCRYPTION_KEYS_OLD ?? '')
          .split(',')
          .filter((part) => part.trim() !== '')
          .map((part) => Buffer.from(part.trim(), 'base64')),
      ),
    }),
    dataDir: raw.DATA_DIR,
    auth: Object.freeze({ jwtSecret: raw.AUTH_JWT_SECRET, metricsToken: raw.METRICS_TOKEN }),
    host,
    corsOrigins: Object.freeze(raw.CORS_ORIGINS),
    graphqlIde: raw.GRAPHQL_IDE ?? raw.NODE_ENV !== 'production',
    sync: Object.freeze({
      cron: raw.SYNC_CRON,
      deepCron: raw.SYNC_DEEP_CRON,
      tokenRefreshCron: raw.TOKEN_REFRESH_CRON,
      timezone: raw.SYNC_TIMEZONE,
      concurrency: raw.SYNC_CONCURRENCY,
      maxConcurrency: raw.SYNC_MAX_CONCURRENCY,
      accountConcurrency: raw.SYNC_ACCOUNT_CONCURRENCY,
      queueCapacity: raw.SYNC_QUEUE_CAPACITY,
      mediaInsightCadence: Object.freeze(raw.SYNC_MEDIA_INSIGHTS_CADENCE),
      mediaTypeMetrics: raw.SYNC_MEDIA_TYPE_METRICS,
    }),
    shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS,
    logLevel: raw.LOG_LEVEL,
  });
}
