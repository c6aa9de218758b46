/**
 * CPU time of the processes a bench run keeps busy, so a result says whether the run waited
 * on the Graph API or on the machine's cores: each service process and `mariadbd` from
 * /proc (user + system time of all threads), the bench's own process (the fake Graph API
 * lives there) from `process.cpuUsage()`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessCpu {
  role: string;
  /** CPU seconds spent between the two readings. */
  cpuS: number;
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** utime + stime of a live process in seconds; 0 when /proc has no such process. */
export function cpuSecondsOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The pid of the local `mariadbd`, if one runs. */
function mariadbPid(): number | undefined {
  try {
    return Number(execFileSync('pidof', ['mariadbd'], { encoding: 'utf8' }).split(' ')[0]);
  } catch {
    return undefined;
  }
}

export interface CpuReading {
  /** CPU seconds since the reading was taken, per process. */
  since(): ProcessCpu[];
}

function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Reads every process's CPU time now (`mariadbd`'s too when asked); `since()` gives what each spent after. */
export function readCpu(
  processes: ReadonlyArray<{ role: string; pid?: number }>,
  withMariadb: boolean,
): CpuReading {
  const db = withMariadb ? mariadbPid() : undefined;
  const all = () => [
    { role: 'bench+fake', seconds: ownCpuSeconds },
    ...processes.map((p) => ({ role: p.role, seconds: () => cpuSecondsOf(p.pid) })),
    ...(db ? [{ role: 'mariadbd', seconds: () => cpuSecondsOf(db) }] : []),
  ];
  const start = new Map(all().map((p) => [p.role, p.seconds()]));
  return {
    since: () =>
      all().map((p) => ({
        role: p.role,
        cpuS: Math.round((p.seconds() - (start.get(p.role) ?? 0)) * 10) / 10,
      })),
  };
}
