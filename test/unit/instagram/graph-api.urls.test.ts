import { describe, expect, it } from '@jest/globals';
import { GraphApiError } from '../../../src/instagram/graph-api.error.js';
import { GraphUrls } from '../../../src/instagram/graph-api.urls.js';

describe('Graph API URLs', () => {
  const urls = new GraphUrls('https://graph.facebook.com', 'v25.0');

  it('puts paths under the configured version', () => {
    expect(urls.forPath('/1784/media')).toBe('https://graph.facebook.com/v25.0/1784/media');
  });

  it('takes a paging URL of the configured origin without its access token', () => {
    const call = urls.fromNext(
      'https://graph.facebook.com/v24.0/1784/media?access_token=EAAB-secret&limit=100&after=QVFI',
    );
    expect(call).toEqual({
      url: 'https://graph.facebook.com/v24.0/1784/media',
      params: { limit: '100', after: 'QVFI' },
    });
  });

  it('refuses, as a permanent error that does not quote it, a paging URL of any other origin', () => {
    for (const next of [
      'https://elsewhere.example/v24.0/1784/media?access_token=EAAB-secret',
      '//elsewhere.example/v24.0/1784/media',
      'http://graph.facebook.com/v24.0/1784/media',
      'https://graph.facebook.com:8443/v24.0/1784/media',
    ]) {
      let error: unknown;
      try {
        urls.fromNext(next, '1784');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(GraphApiError);
      expect(error).toMatchObject({ kind: 'permanent', igUserId: '1784' });
      expect((error as Error).message).not.toContain('elsewhere');
      expect((error as Error).message).not.toContain('EAAB-secret');
    }
  });

  it('keeps a path that looks scheme-relative on the configured host', () => {
    expect(urls.fromNext('/v24.0//elsewhere.example/x?limit=1').url).toBe(
      'https://graph.facebook.com/v24.0//elsewhere.example/x',
    );
  });
});
