import { z } from 'zod';
import { intIn, trueOrFalse } from '../src/config/setting-parsers.js';

/**
 * The demo's own settings (sizes of the fake's data, the run's window, whether the service
 * stays up afterwards), validated before anything starts: a bad value names the variable and
 * the allowed range, and nothing is started.
 */
export interface DemoSettings {
  accounts: number;
  media: number;
  comments: number;
  months: number;
  /** Base latency the fake adds to each Graph API call, ms (slows the run down to watch it). */
  latencyMs: number;
  /** Keep the service (and the fake) up after the run, on PORT, until Ctrl-C. */
  keep: boolean;
  /** The service's port: PORT, else 4000 when keeping (a stable address), else any free one. */
  port: string;
}

const schema = z.object({
  DEMO_ACCOUNTS: intIn(1, 200).default(5),
  DEMO_MEDIA: intIn(0, 2000).default(120),
  DEMO_COMMENTS: intIn(0, 500).default(15),
  DEMO_MONTHS: intIn(1, 12).default(6),
  DEMO_LATENCY_MS: intIn(0, 5000).default(0),
  DEMO_KEEP: trueOrFalse().optional(),
});

/** The settings from `env`, or an Error listing every bad one. */
export function demoSettings(env: NodeJS.ProcessEnv, interactive: boolean): DemoSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(env[name])}: ${issue.message}`;
    });
    throw new Error(`invalid demo settings:\n  ${problems.join('\n  ')}`);
  }
  const values = parsed.data;
  const keep = values.DEMO_KEEP === undefined ? interactive : values.DEMO_KEEP === 'true';
  return {
    accounts: values.DEMO_ACCOUNTS,
    media: values.DEMO_MEDIA,
    comments: values.DEMO_COMMENTS,
    months: values.DEMO_MONTHS,
    latencyMs: values.DEMO_LATENCY_MS,
    keep,
    port: env.PORT ?? (keep ? '4000' : '0'),
  };
}
