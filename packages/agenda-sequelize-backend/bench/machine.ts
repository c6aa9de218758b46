import { cpus, platform, release, totalmem } from 'node:os';

/** One line describing the machine a benchmark ran on. */
export function machineFacts(): string {
  const cpu = cpus();
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB RAM`;
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${memory}, ${platform()} ${release()}, Node ${process.version}`;
}
