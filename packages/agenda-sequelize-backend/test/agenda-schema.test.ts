import { describe, expect, it } from '@jest/globals';
import { Sequelize } from 'sequelize';
import { dropAgendaSchema, SequelizeBackend } from '@instagram-sync/agenda-sequelize-backend';
import { createTestDatabase, TEST_ENGINES } from './support/databases.js';
import { jobOf } from './support/fixtures.js';

describe.each(TEST_ENGINES)('the Agenda job tables on %s', (engine) => {
  it('are created by connect() with ensureSchema, which may run again and again', async () => {
    const db = await createTestDatabase(engine, { schema: false });
    try {
      const backend = new SequelizeBackend({
        sequelize: db.sequelize,
        tableName: 'custom_jobs',
        logTableName: 'custom_logs',
        ensureSchema: true,
      });
      await Promise.all([backend.connect(), backend.connect()]);
      await new SequelizeBackend({
        sequelize: db.sequelize,
        tableName: 'custom_jobs',
        logTableName: 'custom_logs',
        ensureSchema: true,
      }).connect();
      const saved = await backend.repository.saveJob(jobOf({ name: 'works' }), undefined);
      expect(await backend.repository.getJobById(String(saved._id))).toMatchObject({
        name: 'works',
      });
      await dropAgendaSchema(db.sequelize, { jobsTable: 'custom_jobs', logsTable: 'custom_logs' });
      expect(await db.sequelize.getQueryInterface().showAllTables()).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});

describe('the Agenda backend options', () => {
  it('refuse a table name that is not a plain identifier', () => {
    const sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false });
    expect(() => new SequelizeBackend({ sequelize, tableName: 'jobs; DROP TABLE x' })).toThrow(
      /plain SQL identifier/,
    );
    expect(() => new SequelizeBackend({ sequelize, logTableName: 'a-b' })).toThrow(/logTableName/);
  });
});
