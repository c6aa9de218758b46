import { afterEach, describe, expect, it } from '@jest/globals';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createAgendaSchema } from '@instagram-sync/agenda-sequelize-backend';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../../support/databases.js';

const AGENDA_TABLES = ['agenda_jobs', 'agenda_logs'];

/**
 * Every table and index of the Agenda tables as the engine itself describes them: SQLite's
 * stored DDL (whitespace collapsed), MySQL's `SHOW CREATE TABLE` (canonical already, minus the
 * AUTO_INCREMENT counter).
 */
async function describeAgendaTables(sequelize: Sequelize): Promise<string[]> {
  if (sequelize.getDialect() === 'sqlite') {
    const rows = await sequelize.query<{ sql: string | null }>(
      `SELECT sql FROM sqlite_master WHERE tbl_name IN ('agenda_jobs', 'agenda_logs')
       ORDER BY type, name`,
      { type: QueryTypes.SELECT },
    );
    return rows.map((row) =>
      (row.sql ?? '(automatic index)')
        .replace(/\s+/g, ' ')
        .replace(/\( /g, '(')
        .replace(/ \)/g, ')'),
    );
  }
  const tables: string[] = [];
  for (const table of AGENDA_TABLES) {
    const [row] = await sequelize.query<{ 'Create Table': string }>(
      `SHOW CREATE TABLE \`${table}\``,
      { type: QueryTypes.SELECT },
    );
    tables.push((row?.['Create Table'] ?? '').replace(/ AUTO_INCREMENT=\d+/, ''));
  }
  return tables;
}

describe.each(TEST_ENGINES)('the frozen Agenda migration on %s', (engine) => {
  const databases: TestDatabase[] = [];
  afterEach(async () => {
    await Promise.all(databases.splice(0).map((db) => db.drop()));
  });

  it("creates exactly the tables and indexes the backend's ensureSchema creates", async () => {
    const migrated = await createTestDatabase(engine);
    const fresh = await createTestDatabase(engine, { migrate: false });
    databases.push(migrated, fresh);
    await createAgendaSchema(fresh.sequelize);

    const expected = await describeAgendaTables(fresh.sequelize);
    expect(expected.join('\n')).toMatch(/single_key/);
    expect(await describeAgendaTables(migrated.sequelize)).toEqual(expected);
  });
});
