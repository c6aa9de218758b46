import { afterEach, describe, expect, it } from '@jest/globals';
import type { Sequelize } from 'sequelize';
import { createMigrator } from '../../../src/db/migrator.js';
import { defineModels } from '../../../src/db/models/define-models.js';
import { createRepositories } from '../../../src/db/repositories/create-repositories.js';
import { createTestDatabase, type TestDatabase } from '../../support/databases.js';
import { commentFixture, secondsFrom } from '../../support/synced-data.fixtures.js';

const MIGRATION = '202612070100-partial-comment-parent-index';
const PREVIOUS = '202612030200-add-media-insights-fetched-at';
const INDEX = 'ig_comments_parent_timestamp';

async function indexDefinition(sequelize: Sequelize): Promise<string> {
  const [rows] = await sequelize.query(`SELECT sql FROM sqlite_master WHERE name = '${INDEX}'`);
  return (rows as Array<{ sql: string }>)[0]!.sql;
}

/** Runs `read` and returns SQLite's plan for each SELECT it sent. */
async function plansOf(sequelize: Sequelize, read: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const options = (sequelize as unknown as { options: { logging: unknown } }).options;
  options.logging = (line: string) => sent.push(line.replace(/^Executing \([^)]*\): /, ''));
  try {
    await read();
  } finally {
    options.logging = false;
  }
  const plans = [];
  for (const sql of sent.filter((s) => s.startsWith('SELECT'))) {
    const [steps] = await sequelize.query(`EXPLAIN QUERY PLAN ${sql}`);
    plans.push((steps as Array<{ detail: string }>).map((s) => s.detail).join('; '));
  }
  return plans;
}

describe('the replies index on sqlite', () => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
  });

  it('holds replies only, and replies are still read through it', async () => {
    db = await createTestDatabase('sqlite');
    expect(await indexDefinition(db.sequelize)).toMatch(/WHERE parent_id IS NOT NULL$/);

    const repos = createRepositories(defineModels(db.sequelize));
    const at = new Date('2026-11-01T00:00:00.000Z');
    await repos.comments.upsertMany(
      [
        commentFixture('c1', 'm1', at),
        commentFixture('c2', 'm1', secondsFrom(at, 1)),
        commentFixture('r2', 'm1', secondsFrom(at, 3), { parentId: 'c1' }),
        commentFixture('r1', 'm1', secondsFrom(at, 2), { parentId: 'c1' }),
        commentFixture('r3', 'm1', secondsFrom(at, 4), { parentId: 'c2' }),
      ],
      at,
    );

    const page = await repos.comments.findReplyPage('c1', { first: 10 });
    expect(page.items.map((c) => c.id)).toEqual(['r1', 'r2']);
    const batch = await repos.comments.findRepliesByParentIds(['c1', 'c2']);
    expect(batch.map((c) => c.id)).toEqual(['r1', 'r2', 'r3']);

    const plans = [
      ...(await plansOf(db.sequelize, () => repos.comments.findReplyPage('c1', { first: 10 }))),
      ...(await plansOf(db.sequelize, () => repos.comments.findRepliesByParentIds(['c1', 'c2']))),
    ];
    expect(plans).toHaveLength(2);
    for (const plan of plans) expect(plan).toContain(`USING INDEX ${INDEX}`);
  });

  it('down restores the index over every comment', async () => {
    db = await createTestDatabase('sqlite', { migrate: false });
    const migrator = createMigrator(db.sequelize);
    await migrator.up({ to: PREVIOUS });
    const before = await indexDefinition(db.sequelize);
    await migrator.up({ to: MIGRATION });
    await migrator.down({ to: MIGRATION });
    expect(await indexDefinition(db.sequelize)).toBe(before);
    expect(before).not.toContain('WHERE');
  });
});
