import { describe, expect, it } from '@jest/globals';
import {
  classifyErrorBody,
  readOutcome,
  type GraphErrorBody,
  type GraphNode,
} from '../../../src/instagram/graph-api.classifier.js';

const where = (node: GraphNode = 'account') => ({
  node,
  igUserId: '17841400000000001',
  path: '/v25.0/17841400000000001/media',
  accessToken: 'EAAB-secret',
});

const kindOf = (error: GraphErrorBody, status = 400, node: GraphNode = 'account') =>
  classifyErrorBody(error, status, where(node)).kind;

describe('Graph API error classification', () => {
  it.each([
    [{ code: 190, error_subcode: 463, message: 'Session has expired' }, 'auth'],
    [{ code: 190, message: 'Invalid OAuth access token' }, 'auth'],
    [{ code: 102, message: 'Session key invalid' }, 'auth'],
    [{ code: 4, message: 'Application request limit reached' }, 'throttled'],
    [{ code: 17 }, 'throttled'],
    [{ code: 32 }, 'throttled'],
    [{ code: 613 }, 'throttled'],
    [{ code: 80001 }, 'throttled'],
    [{ code: 80002, message: 'There have been too many calls' }, 'throttled'],
    [{ code: 341, message: 'Application limit reached' }, 'throttled'],
    [{ code: 1, message: 'An unknown error occurred' }, 'transient'],
    [{ code: 2, message: 'Service temporarily unavailable' }, 'transient'],
    [{ code: 9999, is_transient: true }, 'transient'],
    [{ code: 10, message: 'Application does not have permission' }, 'permission'],
    [{ code: 200, message: 'Permissions error' }, 'permission'],
    [{ code: 100, error_subcode: 33, message: 'Object does not exist' }, 'permission'],
    [{ code: 100, message: '(#100) Invalid parameter' }, 'permanent'],
    [{ code: 1, message: "Please reduce the amount of data you're asking for" }, 'transient'],
  ])('sorts an account call failing with %j as %s', (error, kind) => {
    expect(kindOf(error)).toBe(kind);
  });

  it.each([
    [
      {
        code: 100,
        error_subcode: 2108006,
        error_user_title: 'Media posted before business account conversion',
      },
    ],
    [{ code: 10, message: '(#10) Not enough viewers for the media to show insights' }],
    [{ code: 100, error_subcode: 33, message: 'Unsupported get request' }],
  ])('skips a media item failing with %j', (error) => {
    expect(kindOf(error, 400, 'media')).toBe('skippable');
  });

  it('keeps code, subcode, trace id and status, and marks the "reduce data" case', () => {
    const error = classifyErrorBody(
      {
        code: 1,
        message: "Please reduce the amount of data you're asking for, then retry your request",
        fbtrace_id: 'AbC',
      },
      500,
      where(),
    );
    expect(error).toMatchObject({ code: 1, status: 500, fbtraceId: 'AbC', tooMuchData: true });
  });

  it('removes a token the server echoed from the message', () => {
    const error = classifyErrorBody(
      { code: 190, message: 'Bad token EAAB-secret given' },
      400,
      where(),
    );
    expect(error.message).not.toContain('EAAB-secret');
    expect(error.message).toContain('[redacted]');
  });

  it('treats 5xx, unreadable bodies, timeouts and network errors as transient', () => {
    const response = (status: number, body: string) =>
      readOutcome({ type: 'response', status, headers: {}, body }, where());
    const failed = (result: ReturnType<typeof readOutcome>) =>
      result.ok ? 'ok' : result.error.kind;
    expect(failed(response(502, '<html>Bad gateway</html>'))).toBe('transient');
    expect(failed(response(200, '{"data":[{"id":"1"'))).toBe('transient');
    expect(failed(response(503, '{"error":{"message":"x"}}'))).toBe('transient');
    expect(
      failed(readOutcome({ type: 'network', timedOut: true, code: 'ECONNABORTED' }, where())),
    ).toBe('transient');
    expect(
      failed(readOutcome({ type: 'network', timedOut: false, code: 'ECONNRESET' }, where())),
    ).toBe('transient');
    expect(failed(response(200, '{"data":[]}'))).toBe('ok');
  });
});
