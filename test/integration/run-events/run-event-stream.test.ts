import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { InProcessEventBus } from '../../../src/run-events/event-bus.js';
import { RedisEventBus } from '../../../src/run-events/redis-event-bus.js';
import { RunEventStream } from '../../../src/run-events/run-event-stream.js';
import { RunEventRepository } from '../../../src/run-events/run-event.repository.js';
import type { RunEvent } from '../../../src/runs/run.vocabulary.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../../support/databases.js';
import { queuedRun } from '../../support/queued-run.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function take(stream: AsyncIterableIterator<RunEvent>, count: number): Promise<number[]> {
  const seqs: number[] = [];
  while (seqs.length < count) {
    const next = await stream.next();
    if (next.done) break;
    seqs.push(next.value.seq);
  }
  return seqs;
}

describe.each(TEST_ENGINES)('run event streams on %s', (engine) => {
  let db: TestDatabase;
  let store: RunEventRepository;
  let runId: string;

  const newRun = (targetUserNo: number | null) => queuedRun(db.sequelize, targetUserNo);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    store = new RunEventRepository(db.sequelize);
    runId = await newRun(null);
  });
  afterAll(async () => {
    await db.drop();
  });

  const event = (type: RunEvent['type'] = 'STEP_PROGRESS', executionId = runId) => ({
    executionId,
    type,
    step: null,
    progress: null,
    message: null,
    userNo: null,
    status: 'RUNNING' as const,
  });

  it('numbers events 1, 2, 3 per run even when many writers append at once', async () => {
    const stored = await Promise.all(Array.from({ length: 20 }, () => store.append(event())));
    expect(stored.map((e) => e.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it('replays stored events, then fills a gap from the store when live events arrive out of order', async () => {
    const bus = new InProcessEventBus();
    const stream = new RunEventStream(store, bus, { executionId: runId, afterSeq: 18 });
    expect(await take(stream, 2)).toEqual([19, 20]);
    const e21 = await store.append(event());
    const e22 = await store.append(event());
    await bus.publish(e22); // 21's publication is late: the stream reads it from the store
    await bus.publish(e21); // and drops the late duplicate
    const e23 = await store.append(event('RUN_COMPLETED'));
    await bus.publish(e23);
    expect(await take(stream, 10)).toEqual([21, 22, 23]);
    expect((await stream.next()).done).toBe(true);
  });

  it('catches up from the store when the bus never delivers (workers publishing elsewhere)', async () => {
    const bus = new InProcessEventBus();
    const quietRun = await newRun(7);
    const stream = new RunEventStream(store, bus, {
      executionId: quietRun,
      afterSeq: 0,
      storePollMs: 50,
    });
    await store.append(event('RUN_STARTED', quietRun));
    await store.append(event('RUN_FAILED', quietRun));
    expect(await take(stream, 5)).toEqual([1, 2]);
    expect((await stream.next()).done).toBe(true);
  });

  it('keeps one final event per run: announcing the end again returns the first announcement', async () => {
    const endedRun = await newRun(8);
    const first = await store.append(event('RUN_COMPLETED', endedRun));
    const again = await Promise.all([
      store.append(event('RUN_FAILED', endedRun)),
      store.append(event('RUN_COMPLETED', endedRun)),
    ]);
    expect(again).toEqual([first, first]);
    expect(await store.listAfter(endedRun, 0)).toEqual([first]);
  });

  it('stops at once when the subscriber leaves while waiting', async () => {
    const bus = new InProcessEventBus();
    const stream = new RunEventStream(store, bus, { executionId: null, afterSeq: null });
    const pending = stream.next();
    await stream.return();
    expect(await pending).toEqual({ value: undefined, done: true });
  });

  it('carries events between processes through Redis', async () => {
    const logger = pino({ level: 'silent' });
    const [a, b] = await Promise.all([
      RedisEventBus.connect(REDIS_URL, `test-${engine}`, logger),
      RedisEventBus.connect(REDIS_URL, `test-${engine}`, logger),
    ]);
    try {
      const stream = new RunEventStream(store, b, { executionId: null, afterSeq: null });
      const received = stream.next();
      const e = await store.append(event());
      await a.publish(e);
      expect((await received).value).toEqual(e);
      await stream.return();
    } finally {
      await a.close();
      await b.close();
    }
  });
});
