import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { INTERNAL_MESSAGE, maskError } from '../../../src/graphql/mask-error.js';

/** A logger whose lines the test can read. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'error' }, sink), lines };
}

const flushed = () => new Promise((resolve) => setImmediate(resolve));

describe('maskError', () => {
  it('answers a database failure with a request id only, and logs the detail under that id', async () => {
    const { logger, lines } = capturingLogger();
    const sql = new Error('SQLITE_ERROR: no such table: sync_runs at /srv/app/src/db/x.ts:12');
    const error = new GraphQLError(sql.message, { originalError: sql, path: ['batchExecutions'] });
    const masked = maskError(error.toJSON(), error, logger);
    expect(masked.message).toBe(INTERNAL_MESSAGE);
    expect(masked.extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(JSON.stringify(masked)).not.toMatch(/SQLITE|sync_runs|\/srv/);
    await flushed();
    expect(lines[0]).toMatchObject({ requestId: masked.extensions!.requestId });
    expect(JSON.stringify(lines[0])).toContain('no such table');
  });

  it('masks what Apollo already coded INTERNAL_SERVER_ERROR, and drops its stack trace', () => {
    const { logger } = capturingLogger();
    const formatted = {
      message: 'connect ECONNREFUSED 127.0.0.1:3306',
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: at /work/x.ts'] },
    };
    const masked = maskError(formatted, new Error(formatted.message), logger);
    expect(masked.message).toBe(INTERNAL_MESSAGE);
    expect(masked.extensions).not.toHaveProperty('stacktrace');
  });

  it('keeps a coded refusal as it is, minus stack trace and HTTP hint', () => {
    const { logger } = capturingLogger();
    const formatted = {
      message: 'first must be a whole number from 1 to 100; got 101',
      extensions: { code: 'BAD_USER_INPUT', field: 'first', http: { status: 400 }, stacktrace: [] },
    };
    expect(maskError(formatted, new Error(), logger)).toEqual({
      message: formatted.message,
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });

  it('gives a graphql-ws validation error the code HTTP gives it', () => {
    const { logger } = capturingLogger();
    const error = new GraphQLError('Cannot query field "nope" on type "Query".');
    expect(maskError(error.toJSON(), error, logger)).toEqual({
      message: error.message,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
