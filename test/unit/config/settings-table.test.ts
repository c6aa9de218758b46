import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { format, resolveConfig } from 'prettier';
import { settingsTable } from '../../../src/config/settings-table.js';
import { settings } from '../../../src/config/config.schema.js';

describe("the README's settings table", () => {
  it('lists every setting with its default and doc, as the config schema says (npm run settings-table)', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.split('<!-- settings:start -->')[1]?.split('<!-- settings:end -->')[0];
    const options = await resolveConfig('README.md');
    const expected = await format(settingsTable(), { ...options, parser: 'markdown' });
    expect(table?.trim()).toBe(expected.trim());
    for (const name of Object.keys(settings)) expect(table).toContain(`\`${name}\``);
  });
});
