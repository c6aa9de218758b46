import { Sequelize } from 'sequelize';

/** The two engines the backend runs on (MariaDB goes through the `mysql` dialect). */
export type Engine = 'sqlite' | 'mysql';

/**
 * Opens `sqlite:<file>` or `mysql://…` the way an application using the backend should: SQLite
 * in WAL mode with a busy timeout, because Sequelize opens a connection per transaction and
 * concurrent writers must wait instead of failing with SQLITE_BUSY; MySQL in UTC and utf8mb4.
 */
export async function openDatabase(url: string, { poolMax = 10 } = {}): Promise<Sequelize> {
  if (!url.startsWith('sqlite:')) {
    const sequelize = new Sequelize(url, {
      dialect: 'mysql',
      logging: false,
      timezone: '+00:00',
      dialectOptions: { charset: 'utf8mb4' },
      pool: { max: poolMax, min: 0, idle: 10_000, acquire: 60_000 },
    });
    await sequelize.authenticate();
    return sequelize;
  }
  const sequelize = new Sequelize({
    dialect: 'sqlite',
    storage: url.slice('sqlite:'.length),
    logging: false,
    retry: { match: [/SQLITE_BUSY/], max: 20 },
  });
  sequelize.addHook('afterConnect', async (connection: unknown) => {
    const db = connection as { exec(sql: string, done: (error: Error | null) => void): void };
    await new Promise<void>((resolve, reject) =>
      db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 15000;', (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  });
  await sequelize.authenticate();
  return sequelize;
}
