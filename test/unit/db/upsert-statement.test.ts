import { describe, expect, it } from '@jest/globals';
import {
  buildUpsertSql,
  sqlLiteral,
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
    expect(buildUpsertSql('mysql', SHAPE, ["('1','reach',5)", "('2','reach',NULL)"])).toBe(
      "INSERT INTO `ig_media_insights` (`media_id`,`metric`,`value`) VALUES ('1','reach',5),('2','reach',NULL)" +
        ' ON DUPLICATE KEY UPDATE `value`=VALUES(`value`)',
    );
  });

  it('names the unique key on SQLite and takes the new values from excluded', () => {
    expect(buildUpsertSql('sqlite', SHAPE, ["('1','reach',5)"])).toBe(
      "INSERT INTO `ig_media_insights` (`media_id`,`metric`,`value`) VALUES ('1','reach',5)" +
        ' ON CONFLICT (`media_id`,`metric`) DO UPDATE SET `value`=excluded.`value`',
    );
  });

  it('refuses a statement that would update nothing', () => {
    expect(() => buildUpsertSql('mysql', { ...SHAPE, update: [] }, ["('1','reach',5)"])).toThrow(
      'an upsert into ig_media_insights needs columns, columns to update and a row',
    );
  });

  it('writes each stored value as a literal of its engine', () => {
    const text = "it's a \\ back\nslash 😍";
    expect(sqlLiteral('mysql', text)).toBe("'it\\'s a \\\\ back\\nslash 😍'");
    expect(sqlLiteral('sqlite', text)).toBe("'it''s a \\ back\nslash 😍'");
    for (const engine of ['mysql', 'sqlite'] as const) {
      expect(sqlLiteral(engine, null)).toBe('NULL');
      expect(sqlLiteral(engine, 3_000_000_000)).toBe('3000000000');
      expect(sqlLiteral(engine, -1.5)).toBe('-1.5');
    }
  });

  it('refuses a value that was not put in its stored form', () => {
    expect(() => sqlLiteral('mysql', undefined)).toThrow('not a stored value: undefined');
    expect(() => sqlLiteral('sqlite', new Date(0))).toThrow('not a stored value: object');
    expect(() => sqlLiteral('sqlite', Number.NaN)).toThrow('not a stored value: number');
  });
});
