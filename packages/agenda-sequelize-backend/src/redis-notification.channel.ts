import { RedisNotificationChannel } from '@agendajs/redis-backend';
import type { NotificationChannel } from 'agenda';

/**
 * Agenda's own Redis pub/sub channel, used beside our SQL storage (Agenda allows mixing a
 * backend with another notification channel): a job saved by one process wakes the workers of
 * every process at once instead of at their next poll. It opens its own Redis connections and
 * closes them when Agenda stops.
 */
export function createRedisNotificationChannel(
  redisUrl: string,
  channelName = 'agenda:notifications',
): NotificationChannel {
  return new RedisNotificationChannel({ connectionString: redisUrl, channelName });
}
