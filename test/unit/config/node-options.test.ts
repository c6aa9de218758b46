import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_NODE_OPTIONS,
  SERVICE_HEAP_MB,
  SERVICE_SEMI_SPACE_MB,
} from '../../../src/config/node-options.js';

const startScript = (): string =>
  (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts
    .start;

/** The NODE_OPTIONS `npm start`'s shell line hands to node, given the caller's environment. */
function nodeOptionsOfStart(env: Record<string, string>): string {
  const line = startScript().replace(/ node dist\/src\/main\.js$/, ' printenv NODE_OPTIONS');
  return execFileSync('sh', ['-c', line], { env: { PATH: process.env.PATH!, ...env } })
    .toString()
    .trim();
}

describe('the heap sizes the service runs with', () => {
  it("is what npm start sets when NODE_OPTIONS is unset, and the caller's NODE_OPTIONS otherwise", () => {
    expect(DEFAULT_NODE_OPTIONS).toBe(
      `--max-old-space-size=${SERVICE_HEAP_MB} --max-semi-space-size=${SERVICE_SEMI_SPACE_MB}`,
    );
    expect(nodeOptionsOfStart({})).toBe(DEFAULT_NODE_OPTIONS);
    expect(nodeOptionsOfStart({ NODE_OPTIONS: '--max-old-space-size=512' })).toBe(
      '--max-old-space-size=512',
    );
  });

  it("is the image's NODE_OPTIONS too", () => {
    const runtime = readFileSync('Dockerfile', 'utf8').split(/^FROM .* AS runtime$/m)[1]!;
    expect(runtime).toMatch(new RegExp(`^ENV NODE_OPTIONS="${DEFAULT_NODE_OPTIONS}"$`, 'm'));
  });
});
