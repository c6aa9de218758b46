/**
 * `npm run bench -- [options]` in this package (the root's `npm run bench -- agenda` lands
 * here too): runs the Agenda benchmark from the TypeScript sources, loaded through the test
 * hooks, so it needs no build.
 */
import { run } from './agenda.bench.js';

await run(process.argv.slice(2));
// Agenda's timers and the database pools may hold the event loop open; the results are written.
process.exit(0);
