import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/** Paths that could ever carry a secret; pino replaces their values before writing. */
const REDACT = [
  'accessToken',
  'access_token',
  'token',
  '*.accessToken',
  '*.access_token',
  '*.token',
  'headers.authorization',
  '*.headers.authorization',
  'config.headers.Authorization',
];

/** The service's structured logger (JSON lines on stdout). */
export function createLogger(
  config: Pick<Config, 'logLevel'>,
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      level: config.logLevel,
      redact: { paths: REDACT, censor: '[redacted]' },
      base: { service: 'instagram-sync' },
    },
    destination,
  );
}
