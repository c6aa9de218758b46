import { describe, expect, it } from '@jest/globals';
import {
  buildUpsertSql,
  rowsPerStatement,
  type UpsertShape,
} from '../../../src/db/repositories/upsert-statement.js';

const SHAPE: UpsertShape = {
  table: 'ig_media_insights',
  columns: ['media_id', 'metric', 'value'],
  conflict: ['media_id', 'metric'],
  update: ['value'],
};

describe('multi-row upsert statements', () => {
  it('updates the listed columns from the new row in a form MySQL 8 and MariaDB both accept', () => {
    expect(buildUpsertSql('mysql', SHAPE, 2)).toBe(
      'INSERT INTO `ig_media_insights` (`media_id`,`metric`,`value`) VALUES (?,?,?),(?,?,?)' +
        ' ON DUPLICATE KEY UPDATE `value`=VALUES(`value`)',
    );
  });

  it('names the unique key on SQLite and takes the new values from excluded', () => {
    expect(buildUpsertSql('sqlite', SHAPE, 1)).toBe(
      'INSERT INTO `ig_media_insights` (`media_id`,`metric`,`value`) VALUES (?,?,?)' +
        ' ON CONFLICT (`media_id`,`metric`) DO UPDATE SET `value`=excluded.`value`',
    );
  });

  it('never puts more values in one statement than the engine binds', () => {
    expect(rowsPerStatement('sqlite', 20, 500)).toBe(500);
    expect(rowsPerStatement('sqlite', 100, 500)).toBe(327); // 32,766 variables
    expect(rowsPerStatement('mysql', 200, 500)).toBe(327); // 65,535 placeholders
  });

  it('refuses a statement that would update nothing', () => {
    expect(() => buildUpsertSql('mysql', { ...SHAPE, update: [] }, 1)).toThrow(
      'an upsert into ig_media_insights needs columns, columns to update and a row',
    );
  });
});
