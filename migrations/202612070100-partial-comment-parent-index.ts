import type { Migration } from './migration.js';

// Written as Sequelize's addIndex wrote it, so that down restores the same definition.
const INDEX = '`ig_comments_parent_timestamp`';
const FULL = `CREATE INDEX ${INDEX} ON \`ig_comments\` (\`parent_id\`, \`timestamp\`, \`id\`)`;

/**
 * On SQLite, the replies index holds replies only (`WHERE parent_id IS NOT NULL`). Top-level
 * comments, most of them, had entries keyed (NULL, timestamp): every one inserted at a random
 * place of one large b-tree, so a 500-row write rewrote hundreds of that index's pages, and
 * no query reads them (replies are looked up by `parent_id =` or `IN`, which SQLite answers
 * from a partial index whose condition they imply). MySQL/MariaDB have no partial indexes:
 * there the index stays as it was.
 */
export const partialCommentParentIndex: Migration = {
  name: '202612070100-partial-comment-parent-index',
  async up({ context: { sequelize } }) {
    if (sequelize.getDialect() !== 'sqlite') return;
    await sequelize.query(`DROP INDEX ${INDEX}`);
    await sequelize.query(`${FULL} WHERE parent_id IS NOT NULL`);
  },
  async down({ context: { sequelize } }) {
    if (sequelize.getDialect() !== 'sqlite') return;
    await sequelize.query(`DROP INDEX ${INDEX}`);
    await sequelize.query(FULL);
  },
};
