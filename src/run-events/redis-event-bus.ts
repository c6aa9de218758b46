import { Redis } from 'ioredis';
import type { Logger } from '../config/logger.js';
import type { RunEvent } from '../runs/run.vocabulary.js';
import { InProcessEventBus, type EventBus } from './event-bus.js';
import { readRunEventMessage } from './run-event.message.js';

/**
 * Many processes: every event is published on one Redis channel, and each process re-emits
 * what it receives to its local subscribers, so a subscriber on API process A sees the events
 * of a run that worker B executes. Local delivery happens only through Redis (never twice).
 */
export class RedisEventBus implements EventBus {
  private readonly local = new InProcessEventBus();
  private readonly pub: Redis;
  private readonly sub: Redis;

  private constructor(
    url: string,
    private readonly channel: string,
    private readonly logger: Logger,
  ) {
    // No offline queue: while Redis is down a publish fails at once instead of holding the
    // emitting step (see `publish`).
    this.pub = new Redis(url, { lazyConnect: true, enableOfflineQueue: false });
    this.sub = new Redis(url, { lazyConnect: true });
    this.sub.on('message', (_channel: string, message: string) => {
      // A bad message is dropped: throwing here would crash the process for every subscriber.
      const read = readRunEventMessage(message);
      if (read.ok) void this.local.publish(read.event);
      else
        logger.warn(
          { channel, reason: read.reason, bytes: message.length },
          'dropped a malformed message on the run event channel',
        );
    });
    for (const client of [this.pub, this.sub])
      client.on('error', (error) => logger.warn({ err: error.message }, 'redis event bus error'));
  }

  /** `namespace` keeps deployments (or test databases) that share a Redis apart. */
  static async connect(url: string, namespace: string, logger: Logger): Promise<RedisEventBus> {
    const bus = new RedisEventBus(url, `instagram-sync:${namespace}:run-events`, logger);
    await Promise.all([bus.pub.connect(), bus.sub.connect()]);
    await bus.sub.subscribe(bus.channel);
    return bus;
  }

  /**
   * Never fails: the event is already stored, and streams re-read the store when the bus is
   * quiet (pub/sub is at most once anyway), so a Redis outage delays delivery, never the run.
   */
  async publish(event: RunEvent): Promise<void> {
    try {
      await this.pub.publish(this.channel, JSON.stringify(event));
    } catch (error) {
      this.logger.warn(
        { err: (error as Error).message, executionId: event.executionId, seq: event.seq },
        'run event stored but not published (Redis unavailable)',
      );
    }
  }

  subscribe(listener: (event: RunEvent) => void): () => void {
    return this.local.subscribe(listener);
  }

  async close(): Promise<void> {
    await this.local.close();
    this.sub.disconnect();
    this.pub.disconnect();
  }
}
