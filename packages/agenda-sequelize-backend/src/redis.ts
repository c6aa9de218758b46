/** `@instagram-sync/agenda-sequelize-backend/redis`: needs the optional peer `@agendajs/redis-backend`. */
export { createRedisNotificationChannel } from './redis-notification.channel.js';
