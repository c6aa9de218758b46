import { describe, expect, it } from '@jest/globals';
import { GraphUrls } from '../../../src/instagram/graph-api.urls.js';

describe('Graph API URLs', () => {
  const urls = new GraphUrls('https://graph.facebook.com', 'v25.0');

  it('puts paths under the configured version', () => {
    expect(urls.forPath('/1784/media')).toBe('https://graph.facebook.com/v25.0/1784/media');
  });

  it('takes a paging URL without its access token and on the configured host only', () => {
    const call = urls.fromNext(
      'https://elsewhere.example/v24.0/1784/media?access_token=EAAB-secret&limit=100&after=QVFI',
    );
    expect(call).toEqual({
      url: 'https://graph.facebook.com/v24.0/1784/media',
      params: { limit: '100', after: 'QVFI' },
    });
  });
});
