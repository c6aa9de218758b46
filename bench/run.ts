/**
 * `npm run bench -- <name> [options]`: runs one benchmark from the compiled `dist/bench`.
 * Each entry is a module exporting `run(args)`; add a line per benchmark.
 */
interface Benchmark {
  run(args: string[]): Promise<void>;
}

const benchmarks: Record<string, () => Promise<Benchmark>> = {
  agenda: () => import('./agenda.bench.js'),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? benchmarks[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(benchmarks).join('|')}> [options]`);
  process.exit(2);
}
await (await load()).run(args);
// Clients (Agenda's timers, pools) may hold the event loop open; the results are written.
process.exit(0);
