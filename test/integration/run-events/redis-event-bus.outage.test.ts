import { afterAll, describe, expect, it } from '@jest/globals';
import { RedisEventBus } from '../../../src/run-events/redis-event-bus.js';
import { memoryLog } from '../../support/memory-log.js';
import { progressEvent } from '../../support/progress-event.js';
import { startPrivateRedis, type PrivateRedis } from '../../support/redis-server.js';
import { within } from '../../support/waiting.js';

const event = progressEvent;

describe('the Redis event bus while its Redis is down', () => {
  let redis: PrivateRedis | undefined;
  let bus: RedisEventBus | undefined;
  afterAll(async () => {
    await bus?.close();
    await redis?.destroy();
  });

  it('publishes nothing and fails nothing (the event is stored already), and delivers again once Redis is back', async () => {
    redis = await startPrivateRedis();
    const log = memoryLog('warn');
    bus = await RedisEventBus.connect(redis.url, 'outage', log.logger);
    const received: number[] = [];
    bus.subscribe((e) => received.push(e.seq));

    await redis.stop();
    await within(bus.publish(event(1)), 'a publish while Redis is down', 5_000);
    expect(log.lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toContain(
      'run event stored but not published (Redis unavailable)',
    );

    await redis.start();
    const second = new Promise<void>((resolve) => bus!.subscribe((e) => e.seq === 2 && resolve()));
    // The subscriber connection resubscribes on its own; publish until it hears again.
    for (let tries = 0; !received.includes(2) && tries < 100; tries++) {
      await bus.publish(event(2));
      await Promise.race([second, new Promise((resolve) => setTimeout(resolve, 100))]);
    }
    expect(received).toContain(2);
    expect(received).not.toContain(1);
  });
});
