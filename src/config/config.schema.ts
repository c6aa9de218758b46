import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { DEFAULT_CADENCE_TEXT, parseCadence } from './media-insight-cadence.js';
import { intIn, trueOrFalse } from './setting-parsers.js';

/**
 * Every setting of the service: its environment variable, type, default and one-line doc.
 * The README's settings table is written from this list; keep the two in step.
 */

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const isBase64Key32 = (value: string): boolean =>
  /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32;

const isBase64KeyList = (value: string): boolean =>
  value.split(',').every((part) => isBase64Key32(part.trim()));

/**
 * A five-field cron line (minute hour day month weekday) that Agenda's own cron parser accepts,
 * so a line such as `99 99 * * *` fails at start-up rather than when the job is scheduled.
 */
const isCron = (value: string): boolean => {
  if (value.trim().split(/\s+/).length !== 5) return false;
  try {
    CronExpressionParser.parse(value);
    return true;
  } catch {
    return false;
  }
};

/** `https://app.example.com,http://localhost:5173`: origins only (scheme, host, port; no path). */
const isOriginList = (value: string): boolean =>
  value.split(',').every((entry) => {
    try {
      return new URL(entry.trim()).origin === entry.trim();
    } catch {
      return false;
    }
  });

export const settings = {
  NODE_ENV: {
    doc: '`production` requires AUTH_JWT_SECRET, TOKEN_ENCRYPTION_KEY and https IG_GRAPH_API_URL and IG_INSTAGRAM_API_URL.',
    schema: z.enum(['development', 'test', 'production']).default('development'),
  },
  PORT: {
    doc: 'HTTP port for GraphQL, REST, health and metrics (0 = any free port).',
    schema: intIn(0, 65535).default(4000),
  },
  ROLE: {
    doc: '`all` (API and worker in one process), `api` or `worker`.',
    schema: z.enum(['all', 'api', 'worker']).default('all'),
  },
  DATABASE_URL: {
    doc: '`sqlite:<path>` (created if missing) or `mysql://user:pass@host:3306/db`.',
    schema: z
      .string()
      .regex(/^(sqlite:|mysql:\/\/|mariadb:\/\/)/, {
        error: 'must start with sqlite: or mysql:// (e.g. sqlite:./data/instagram-sync.sqlite)',
      })
      .default('sqlite:./data/instagram-sync.sqlite'),
  },
  REDIS_URL: {
    doc: 'Optional. When set, run events fan out over Redis pub/sub and Agenda is notified through Redis.',
    schema: z
      .string()
      .regex(/^rediss?:\/\//, { error: 'must be a redis:// or rediss:// URL' })
      .optional(),
  },
  IG_GRAPH_API_URL: {
    doc: 'Base URL of the Graph API (point it at the bundled fake for tests and the demo). https in production.',
    schema: z.url({ error: 'must be an http(s) URL' }).default('https://graph.facebook.com'),
  },
  IG_INSTAGRAM_API_URL: {
    doc: 'Base URL of the Instagram-Login API (`refresh_access_token`); point it at the bundled fake for tests. https in production.',
    schema: z.url({ error: 'must be an http(s) URL' }).default('https://graph.instagram.com'),
  },
  IG_GRAPH_API_VERSION: {
    doc: 'Graph API version path segment.',
    schema: z
      .string()
      .regex(/^v\d{2}\.0$/, { error: 'must look like v25.0' })
      .default('v25.0'),
  },
  IG_HTTP_TIMEOUT_MS: {
    doc: 'Timeout of one Graph API request, in milliseconds (100–300000).',
    schema: intIn(100, 300_000).default(30_000),
  },
  IG_MAX_RETRIES: {
    doc: 'Retries of a transient or throttled Graph API call before the account fails (0–10).',
    schema: intIn(0, 10).default(5),
  },
  TOKEN_ENCRYPTION_KEY: {
    secret: true,
    doc: '32 bytes, base64: AES-256-GCM key for access tokens at rest. Required in production; elsewhere, when unset, a random key is generated once into the data folder (`token-encryption.key`, mode 0600) and reused.',
    schema: z
      .string()
      .refine(isBase64Key32, {
        error: 'must be 32 bytes encoded as base64 (openssl rand -base64 32)',
      })
      .optional(),
  },
  TOKEN_ENCRYPTION_KEYS_OLD: {
    secret: true,
    doc: 'Comma-separated base64 32-byte keys that still decrypt tokens after a key change; `npm run rotate-token-key` re-encrypts every token under TOKEN_ENCRYPTION_KEY.',
    schema: z
      .string()
      .refine(isBase64KeyList, {
        error: 'must be comma-separated 32-byte keys encoded as base64',
      })
      .optional(),
  },
  DATA_DIR: {
    doc: 'Folder of the generated token key outside production when DATABASE_URL is MySQL; with SQLite the key file sits beside the database file.',
    schema: z.string().min(1).default('./data'),
  },
  IG_APP_SECRET: {
    secret: true,
    doc: 'Optional Meta app secret: when set, every Graph API request carries `appsecret_proof` (HMAC-SHA256 of the access token).',
    schema: z.string().min(8, { error: 'must be at least 8 characters' }).optional(),
  },
  AUTH_JWT_SECRET: {
    doc: 'When set, every GraphQL, WebSocket, REST and page request needs `Authorization: Bearer <JWT HS256>` with `sub` (userNo), `role` (`admin`|`user`) and `exp`. At least 32 bytes.',
    secret: true,
    schema: z
      .string()
      .refine((value) => Buffer.byteLength(value, 'utf8') >= 32, {
        error: 'must be at least 32 bytes (openssl rand -base64 32)',
      })
      .optional(),
  },
  HOST: {
    doc: 'Interface to listen on; beyond loopback only with AUTH_JWT_SECRET (or ALLOW_UNAUTHENTICATED).',
    shownDefault: '`127.0.0.1` (`0.0.0.0` with `AUTH_JWT_SECRET`)',
    schema: z
      .string()
      .regex(/^[\w.:-]+$/, { error: 'must be a host name or IP address' })
      .optional(),
  },
  ALLOW_UNAUTHENTICATED: {
    doc: '`true` lets the service listen beyond 127.0.0.1 without AUTH_JWT_SECRET (never in production).',
    schema: trueOrFalse()
      .default('false')
      .transform((value) => value === 'true'),
  },
  METRICS_TOKEN: {
    doc: 'Optional bearer token for `/metrics` (beside an admin JWT), for a Prometheus scraper.',
    secret: true,
    schema: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  },
  SYNC_CRON: {
    doc: 'Cron line (5 fields) of the scheduled sync.',
    schema: z
      .string()
      .refine(isCron, { error: 'must be a 5-field cron line such as "0 2 * * *"' })
      .default('0 2 * * *'),
  },
  SYNC_DEEP_CRON: {
    doc: 'Cron line (5 fields) of the weekly deep sync: 12 months, all accounts, so older media stay current. Default Sundays 03:00.',
    schema: z
      .string()
      .refine(isCron, { error: 'must be a 5-field cron line such as "0 3 * * 0"' })
      .default('0 3 * * 0'),
  },
  TOKEN_REFRESH_CRON: {
    doc: 'Cron line (5 fields) of the token check: refreshes Instagram-Login tokens ahead of expiry and warns of Facebook-Login tokens close to it. Default daily 04:30.',
    schema: z
      .string()
      .refine(isCron, { error: 'must be a 5-field cron line such as "30 4 * * *"' })
      .default('30 4 * * *'),
  },
  SYNC_TIMEZONE: {
    doc: 'IANA zone of the schedule, the sync window and insight days.',
    schema: z
      .string()
      .refine(isTimeZone, { error: 'must be an IANA time zone such as Asia/Seoul' })
      .default('Asia/Seoul'),
  },
  SYNC_CONCURRENCY: {
    doc: 'Runs executing at once per worker (1–10).',
    schema: intIn(1, 10).default(5),
  },
  SYNC_MAX_CONCURRENCY: {
    doc: 'Upper bound of SYNC_CONCURRENCY (1–100).',
    schema: intIn(1, 100).default(10),
  },
  SYNC_ACCOUNT_CONCURRENCY: {
    doc: 'Account steps executing at once per worker (1–200): I/O-bound, and each account is paced by its own usage headers.',
    schema: intIn(1, 200).default(16),
  },
  SYNC_QUEUE_CAPACITY: {
    doc: 'Runs that may wait (0–1000); the next start is refused with QUEUE_FULL.',
    schema: intIn(0, 1000).default(25),
  },
  SYNC_MEDIA_INSIGHTS_CADENCE: {
    doc: 'How often a media’s insights are asked on their own when its page did not bring them, by age: `<under days>:<every days>` rules, the last `*`. Default every run under 7 days, every 3 days under 30, then weekly.',
    schema: z
      .string()
      .default(DEFAULT_CADENCE_TEXT)
      .transform((text, ctx) => {
        try {
          return parseCadence(text);
        } catch (error) {
          ctx.addIssue({
            code: 'custom',
            message: `must be like 7:0,30:3,*:7 (${(error as Error).message})`,
          });
          return z.NEVER;
        }
      }),
  },
  SYNC_MEDIA_TYPE_METRICS: {
    doc: '`true` also reads the metrics only some media types have (Reels’ watch time and reposts; feed posts’ follows and profile visits): one call per such media, on the cadence. `false` keeps to the metrics every type has, which the media pages bring.',
    schema: trueOrFalse()
      .default('false')
      .transform((value) => value === 'true'),
  },
  CORS_ORIGINS: {
    doc: "Comma-separated origins (e.g. `https://ops.example.com`) whose pages may open the GraphQL WebSocket, besides the service's own; other Origins are refused at upgrade with HTTP 403. Empty: only the service's own origin and clients that send no Origin.",
    schema: z
      .string()
      .refine(isOriginList, {
        error: 'must be comma-separated origins such as https://ops.example.com (no path)',
      })
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      ),
  },
  SHUTDOWN_TIMEOUT_MS: {
    doc: 'On SIGTERM, how long running account steps get to reach their next checkpoint and hand their work back, and open HTTP requests to finish, in milliseconds (100–600000).',
    schema: intIn(100, 600_000).default(10_000),
  },
  GRAPHQL_IDE: {
    doc: '`true` serves GraphiQL (bundled, nothing from the internet) to a browser opening `/graphql`; `false` answers it 404. The API on `/graphql` is the same either way.',
    shownDefault: '`true` (`false` when `NODE_ENV=production`)',
    schema: trueOrFalse()
      .optional()
      .transform((value) => (value === undefined ? undefined : value === 'true')),
  },
  LOG_LEVEL: {
    doc: 'pino level.',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  },
} as const;

export type SettingName = keyof typeof settings;
