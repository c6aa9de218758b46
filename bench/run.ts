/**
 * `npm run bench -- <name> [options]`: runs one benchmark, from the compiled `dist/bench` or
 * from a workspace package that owns its bench. Add a line per benchmark.
 */
import { spawn } from 'node:child_process';

interface Benchmark {
  run(args: string[]): Promise<void>;
}

/**
 * A package's own `npm run bench`, in its own process: the package stands alone and must not
 * be imported from here (its bench runs from its TypeScript sources).
 */
function workspaceBench(workspace: string): Benchmark {
  return {
    run: (args) =>
      new Promise((resolve, reject) => {
        // npm sets npm_execpath for scripts; run that npm with this Node.
        const npm = process.env.npm_execpath;
        const npmArgs = ['run', 'bench', '--silent', '-w', workspace, '--', ...args];
        const child = npm
          ? spawn(process.execPath, [npm, ...npmArgs], { stdio: 'inherit' })
          : spawn('npm', npmArgs, { stdio: 'inherit' });
        child.once('error', reject);
        child.once('exit', (code, signal) =>
          code === 0 ? resolve() : reject(new Error(`${workspace} bench: ${signal ?? code}`)),
        );
      }),
  };
}

const benchmarks: Record<string, () => Promise<Benchmark>> = {
  agenda: async () => workspaceBench('@instagram-sync/agenda-sequelize-backend'),
  sync: async () => ({ run: (await import('./sync/sync.bench.js')).run }),
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
