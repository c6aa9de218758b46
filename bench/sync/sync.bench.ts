/**
 * `npm run bench -- sync [--scenario a|b|c|d|e|old|writes|all] [--engine sqlite|mariadb]
 * [--quick]`: issue 11's sync benchmark. The fake Graph API runs in this process; the service
 * runs in its own processes against a fresh SQLite file or MariaDB database. Results are
 * printed and appended to bench/results/sync.md.
 */
import { fileURLToPath } from 'node:url';
import { dataSets, parsePlan, type ResultRow, type Scenario } from './bench-plan.js';
import { LOG_DIR } from './bench-service.js';
import { runFullSync, runLargeSync, runWrites } from './full-sync.scenarios.js';
import { runOldStyleComparison } from './old-style.scenario.js';
import { appendReport, renderReport } from './report.js';
import { evaluateTargets } from './targets.js';
import { runWorkerScaling } from './workers.scenario.js';

/** bench/results/sync.md of the repository (this file runs from dist/bench/sync). */
const RESULTS = fileURLToPath(new URL('../../../bench/results/sync.md', import.meta.url));

export async function run(args: string[]): Promise<void> {
  const plan = parsePlan(args);
  const sets = dataSets(plan.quick);
  const wants = (scenario: Scenario) => plan.scenarios.has(scenario);
  const startedAt = new Date();
  console.log(`service logs in ${LOG_DIR}`);
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  /** Runs one scenario group, timed; a group that throws is noted and the others still run. */
  const time = async (what: string, work: () => Promise<ResultRow[]>): Promise<void> => {
    const t0 = Date.now();
    console.log(`${what}…`);
    try {
      rows.push(...(await work()));
      notes.push(`${what}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    } catch (error) {
      console.error(error);
      notes.push(
        `${what}: FAILED after ${((Date.now() - t0) / 1000).toFixed(0)} s: ${String(error)}`,
      );
    }
  };
  // (d) is the slowest scenario: on one engine, MariaDB when asked (its worker is a process of
  // its own there), beside an (a) on the same engine to compare with.
  const largeOn = plan.engines.includes('mariadb') ? 'mariadb' : plan.engines[0];
  for (const engine of plan.engines) {
    const large = wants('d') && engine === largeOn;
    if (wants('a') || wants('b') || wants('c') || large) {
      await time(`(a)(b)(c) on ${engine}`, () => runFullSync(engine, sets.full, plan.scenarios));
    }
    if (large) await time(`(d) on ${engine}`, async () => [await runLargeSync(engine, sets.full)]);
    if (wants('writes')) {
      await time(`(writes) on ${engine}`, async () => [await runWrites(engine, sets.full)]);
    }
  }
  if (wants('e')) await time('(e) on mariadb', () => runWorkerScaling(sets.scaling, sets.workers));
  let oldNote: string | undefined;
  if (wants('old')) {
    await time('(old) on mariadb', async () => {
      const old = await runOldStyleComparison(sets.old);
      oldNote = old.note;
      return old.rows;
    });
    if (oldNote) notes.push(`(old): ${oldNote}`);
  }
  const data = `(a) data set: ${sets.full.accounts} accounts × ${sets.full.media} media × ~${sets.full.comments} comments; (old): ${sets.old.accounts} × ${sets.old.media} × ~${sets.old.comments}; (e): ${sets.scaling.accounts} × ${sets.scaling.media} × ~${sets.scaling.comments}`;
  const markdown = renderReport(rows, evaluateTargets(rows, oldNote), {
    command: `npm run bench -- sync ${args.join(' ')}`.trim(),
    startedAt,
    elapsedMs: Date.now() - startedAt.getTime(),
    notes: [data, ...notes],
  });
  console.log(`\n${markdown}`);
  await appendReport(RESULTS, markdown);
  console.log(`appended to ${RESULTS}`);
}
