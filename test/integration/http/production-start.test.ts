import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const REGISTER = fileURLToPath(new URL('../../support/ts-register.mjs', import.meta.url));
const MAIN = fileURLToPath(new URL('../../../src/main.ts', import.meta.url));

/** Starts the real entry point with only `env` and returns how it ended. */
function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', REGISTER, MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('starting in production', () => {
  it('is refused without the JWT secret and the encryption key, naming both and quoting no secret', () => {
    const run = start({ NODE_ENV: 'production', PORT: '0', METRICS_TOKEN: 'short' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/AUTH_JWT_SECRET: required when NODE_ENV=production/);
    expect(run.stderr).toMatch(/TOKEN_ENCRYPTION_KEY: required when NODE_ENV=production/);
    expect(run.stderr).toMatch(/METRICS_TOKEN=<hidden>/);
    expect(run.stderr).not.toContain('"short"');
  });
});
