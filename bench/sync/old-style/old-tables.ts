import type { Sequelize } from 'sequelize';
import type { Engine } from '../../../src/db/connection.js';

interface TableSpec {
  columns: Record<string, string>;
  key: readonly string[];
}

/** The old job's own tables: Graph ids as strings, times in UTC (`YYYY-MM-DD HH:MM:SS`). */
const TABLES = {
  old_profiles: {
    columns: {
      ig_user_id: 'VARCHAR(64) NOT NULL',
      username: 'VARCHAR(255)',
      name: 'VARCHAR(255)',
      biography: 'TEXT',
      website: 'TEXT',
      followers_count: 'BIGINT',
      follows_count: 'BIGINT',
      media_count: 'BIGINT',
      profile_picture_url: 'TEXT',
      synced_at: 'DATETIME NOT NULL',
    },
    key: ['ig_user_id'],
  },
  old_media: {
    columns: {
      id: 'VARCHAR(64) NOT NULL',
      ig_user_id: 'VARCHAR(64) NOT NULL',
      caption: 'TEXT',
      media_type: 'VARCHAR(32)',
      media_product_type: 'VARCHAR(32)',
      media_url: 'TEXT',
      thumbnail_url: 'TEXT',
      permalink: 'TEXT',
      shortcode: 'VARCHAR(64)',
      posted_at: 'DATETIME NOT NULL',
      like_count: 'BIGINT',
      comments_count: 'BIGINT',
      is_comment_enabled: 'SMALLINT',
    },
    key: ['id'],
  },
  old_comments: {
    columns: {
      id: 'VARCHAR(64) NOT NULL',
      media_id: 'VARCHAR(64) NOT NULL',
      parent_id: 'VARCHAR(64)',
      text: 'TEXT',
      posted_at: 'DATETIME NOT NULL',
      username: 'VARCHAR(255)',
      like_count: 'BIGINT',
    },
    key: ['id'],
  },
  old_media_insights: {
    columns: {
      media_id: 'VARCHAR(64) NOT NULL',
      metric: 'VARCHAR(64) NOT NULL',
      value: 'BIGINT',
    },
    key: ['media_id', 'metric'],
  },
  old_account_insights: {
    columns: {
      ig_user_id: 'VARCHAR(64) NOT NULL',
      metric: 'VARCHAR(64) NOT NULL',
      period: 'VARCHAR(16) NOT NULL',
      day: 'DATE NOT NULL',
      value: 'BIGINT',
    },
    key: ['ig_user_id', 'metric', 'period', 'day'],
  },
} satisfies Record<string, TableSpec>;

export type OldTableName = keyof typeof TABLES;
export type OldRow<T extends OldTableName> = Record<
  keyof (typeof TABLES)[T]['columns'],
  string | number | null
>;

/** `2019-04-05T07:56:32+0000` (or a Date) → `2019-04-05 07:56:32`, the same on both engines. */
export function toSqlTime(time: string | Date): string {
  const date = typeof time === 'string' ? new Date(time.replace(/\+0000$/, 'Z')) : time;
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The writer of the old job: every row is its own upsert statement in its own autocommit, the
 * way a JDBC item writer without batching does it.
 */
export class OldStyleRowWriter {
  rowsWritten = 0;

  constructor(
    private readonly db: Sequelize,
    private readonly engine: Engine,
  ) {}

  async createTables(): Promise<void> {
    // MariaDB's default charset may be latin1; captions and comments carry Korean and emoji.
    const suffix = this.engine === 'mysql' ? ' DEFAULT CHARSET=utf8mb4' : '';
    for (const [name, spec] of Object.entries(TABLES) as Array<[string, TableSpec]>) {
      const columns = Object.entries(spec.columns).map(([column, type]) => `${column} ${type}`);
      const key = `PRIMARY KEY (${spec.key.join(', ')})`;
      await this.db.query(
        `CREATE TABLE IF NOT EXISTS ${name} (${[...columns, key].join(', ')})${suffix}`,
      );
    }
  }

  async upsert<T extends OldTableName>(table: T, row: OldRow<T>): Promise<void> {
    const spec: TableSpec = TABLES[table];
    const columns = Object.keys(spec.columns);
    const values = columns.map((column) => (row as Record<string, unknown>)[column] ?? null);
    await this.db.query(this.upsertSql(table, columns, spec.key), { bind: values });
    this.rowsWritten += 1;
  }

  private upsertSql(table: string, columns: string[], key: readonly string[]): string {
    const insert = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
    const updated = columns.filter((column) => !key.includes(column));
    if (this.engine === 'mysql') {
      const set = updated.map((column) => `${column} = VALUES(${column})`);
      return `${insert} ON DUPLICATE KEY UPDATE ${set.join(', ')}`;
    }
    const set = updated.map((column) => `${column} = excluded.${column}`);
    return `${insert} ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${set.join(', ')}`;
  }
}
