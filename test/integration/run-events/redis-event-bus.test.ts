import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { RedisEventBus } from '../../../src/run-events/redis-event-bus.js';
import type { RunEvent } from '../../../src/runs/run.vocabulary.js';
import { memoryLog } from '../../support/memory-log.js';
import { progressEvent } from '../../support/progress-event.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const valid = progressEvent;

describe('the Redis event bus and what else arrives on its channel', () => {
  const namespace = `test-${randomBytes(4).toString('hex')}`;
  const channel = `instagram-sync:${namespace}:run-events`;
  const log = memoryLog('warn');
  let bus: RedisEventBus;
  let raw: Redis;

  beforeAll(async () => {
    bus = await RedisEventBus.connect(REDIS_URL, namespace, log.logger);
    raw = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await bus?.close();
    raw?.disconnect();
  });

  it('drops garbage JSON and wrong-shape messages with a warning, and still delivers the valid events after them', async () => {
    const received: RunEvent[] = [];
    const twoArrived = new Promise<void>((resolve) =>
      bus.subscribe((event) => {
        received.push(event);
        if (received.length === 2) resolve();
      }),
    );
    // One connection publishes in order, so the valid event arrives after the bad ones.
    for (const message of [
      '{"executionId": "run-1", "seq": ',
      JSON.stringify({ hello: 'world' }),
      JSON.stringify({ ...valid(1), type: 'RUN_EXPLODED' }),
      'null',
      JSON.stringify(valid(1)),
    ])
      await raw.publish(channel, message);
    await bus.publish(valid(2));
    await twoArrived;

    expect(received).toEqual([valid(1), valid(2)]);
    const warnings = log.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(warnings.map((w) => [w.msg, w.reason])).toEqual([
      ['dropped a malformed message on the run event channel', 'not JSON'],
      [
        'dropped a malformed message on the run event channel',
        expect.stringMatching(/^not a run event \(executionId, seq/),
      ],
      ['dropped a malformed message on the run event channel', 'not a run event (type)'],
      ['dropped a malformed message on the run event channel', 'not a run event ((root))'],
    ]);
    expect(log.lines.join('\n')).not.toContain('world');
  });
});
