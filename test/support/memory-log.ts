import { Writable } from 'node:stream';
import { pino, type Logger, type LevelWithSilent } from 'pino';

export interface MemoryLog {
  logger: Logger;
  /** Every line written so far, as pino wrote it (JSON text). */
  lines: string[];
}

/** A pino logger writing into memory, so a test can read (and scan) every line. */
export function memoryLog(level: LevelWithSilent = 'debug'): MemoryLog {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}
