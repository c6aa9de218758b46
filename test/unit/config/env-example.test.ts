import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { settings } from '../../../src/config/config.schema.js';

const COMPOSE_ONLY = '# --- docker-compose only';
const assigned = (text: string) => [...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);

describe('.env.example and docker-compose.yml', () => {
  it('.env.example names exactly the settings of the config schema, in its order, each with a comment', () => {
    const example = readFileSync('.env.example', 'utf8');
    const [ofService, ofCompose] = example.split(COMPOSE_ONLY);
    expect(assigned(ofService!)).toEqual(Object.keys(settings));
    for (const name of Object.keys(settings))
      expect(ofService).toMatch(new RegExp(`^# .+\\n(# .*\\n)*${name}=`, 'm'));
    expect(assigned(ofCompose ?? '')).toEqual([
      'MYSQL_DATABASE',
      'MYSQL_USER',
      'MYSQL_PASSWORD',
      'API_PUBLISH',
      'WORKER_REPLICAS',
      'STOP_GRACE_PERIOD',
    ]);
  });

  it('leaves every secret empty in .env.example', () => {
    const example = readFileSync('.env.example', 'utf8');
    const secrets = Object.entries(settings).filter(([, s]) => 'secret' in s && s.secret);
    expect(secrets.length).toBeGreaterThan(0);
    for (const [name] of secrets) expect(example).toMatch(new RegExp(`^${name}=$`, 'm'));
  });

  it('docker-compose.yml passes every setting from .env to the api and the workers (ROLE is set per service)', () => {
    const compose = readFileSync('docker-compose.yml', 'utf8');
    const block = compose.split('x-settings: &settings\n')[1]!.split('\n\n')[0]!;
    const passed = [...block.matchAll(/^ {2}([A-Z][A-Z0-9_]*): \$\{([A-Z][A-Z0-9_]*):-/gm)];
    for (const [, name, variable] of passed) expect(variable).toBe(name);
    expect(passed.map((m) => m[1])).toEqual(Object.keys(settings).filter((n) => n !== 'ROLE'));
  });
});
