/**
 * `npm run settings-table`: rewrites the settings table of README.md from the config schema
 * (between the `settings:start` and `settings:end` markers).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { settingsTable } from '../src/config/settings-table.js';

const START = '<!-- settings:start -->';
const END = '<!-- settings:end -->';
const readme = readFileSync('README.md', 'utf8');
const [before, rest] = readme.split(START);
const after = rest?.split(END)[1];
if (before === undefined || after === undefined) {
  console.error(`README.md needs the markers ${START} and ${END}`);
  process.exit(1);
}
writeFileSync('README.md', `${before}${START}\n\n${settingsTable()}\n\n${END}${after}`);
