import { describe, expect, it } from '@jest/globals';
import { WriteBehind } from '../../../src/sync/steps/write-behind.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('writes behind the next call', () => {
  it('runs writes one after the other in the order pushed, even when pushed side by side', async () => {
    const writes = new WriteBehind();
    const log: string[] = [];
    const write = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
    };
    await Promise.all([writes.push(write('a')), writes.push(write('b')), writes.push(write('c'))]);
    await writes.drain();
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('returns before its write ends, so the caller goes on while it is stored', async () => {
    const writes = new WriteBehind();
    let ended = false;
    await writes.push(async () => {
      await tick();
      ended = true;
    });
    expect(ended).toBe(false);
    await writes.drain();
    expect(ended).toBe(true);
  });

  it('throws the first failure on the next push or drain, and runs no later write', async () => {
    const writes = new WriteBehind();
    let later = false;
    await writes.push(async () => {
      throw new Error('disk full');
    });
    const next = writes.push(async () => {
      later = true;
    });
    await expect(next).rejects.toThrow('disk full');
    await expect(writes.drain()).rejects.toThrow('disk full');
    expect(later).toBe(false);
  });
});
