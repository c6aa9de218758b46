import { Agenda, InMemoryNotificationChannel } from 'agenda';
import type { Sequelize } from 'sequelize';
import { SequelizeBackend } from '@instagram-sync/agenda-sequelize-backend';
import { createRedisNotificationChannel } from '@instagram-sync/agenda-sequelize-backend/redis';
import { onJobEnd } from './agenda-job-end.js';

export interface AgendaSettings {
  sequelize: Sequelize;
  /** Cross-process notifications; without it a worker in another process polls. */
  redisUrl?: string;
  /** Keeps deployments sharing a Redis apart (see `deploymentNamespace`). */
  namespace: string;
  /** Runs executing at once in this process. */
  concurrency: number;
  /** How long a job stays locked without a heartbeat before another worker may take it. */
  lockLifetimeMs: number;
  /** Poll interval for jobs queued by other processes when there are no notifications. */
  processEveryMs: number;
  name?: string;
  /**
   * Told when the notification channel fails (Redis down). Without a listener the channel's
   * `error` event would throw and crash the process; Agenda keeps polling meanwhile.
   */
  onChannelError: (error: Error) => void;
}

/**
 * Agenda on our Sequelize backend (jobs live beside the data). With REDIS_URL, Agenda is
 * notified through Redis pub/sub so every worker picks a new job up at once; otherwise jobs
 * queued in this process are picked up at once and others within `processEveryMs`.
 */
export function createAgenda(settings: AgendaSettings): Agenda {
  const notificationChannel = settings.redisUrl
    ? createRedisNotificationChannel(
        settings.redisUrl,
        `instagram-sync:${settings.namespace}:agenda`,
      )
    : new InMemoryNotificationChannel();
  notificationChannel.on('error', settings.onChannelError);
  const agenda = new Agenda({
    backend: new SequelizeBackend({ sequelize: settings.sequelize }),
    notificationChannel,
    name: settings.name,
    processEvery: settings.processEveryMs,
    defaultLockLifetime: settings.lockLifetimeMs,
    // Finished one-off jobs are removed by onJobEnd (their records live in sync_runs).
    removeOnComplete: false,
  });
  onJobEnd(agenda, notificationChannel);
  return agenda;
}
