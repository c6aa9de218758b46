import { GraphApiError } from './graph-api.error.js';

/**
 * Builds the URLs the client calls. Paging URLs from Instagram embed `access_token` (when the
 * request carried one) and the host that answered. The token is dropped (it goes in the
 * header). A paging URL on any other origin than the configured one is refused, never
 * followed: the request would carry the token (and its appsecret_proof) to that host.
 */
export class GraphUrls {
  private readonly origin: string;

  constructor(
    private readonly baseUrl: string,
    private readonly version: string,
  ) {
    this.origin = new URL(baseUrl).origin;
  }

  /** `/123/media` → `https://graph.facebook.com/v25.0/123/media`. */
  forPath(path: string): string {
    return `${this.baseUrl.replace(/\/+$/, '')}/${this.version}${path}`;
  }

  /**
   * A `paging.next` URL as a call: same path and query, no token. Throws a `permanent`
   * GraphApiError when it names another origin, including a scheme-relative `//host/…`.
   */
  fromNext(next: string, igUserId?: string): { url: string; params: Record<string, string> } {
    let parsed: URL;
    try {
      parsed = new URL(next, this.origin);
    } catch {
      parsed = new URL('invalid:');
    }
    if (parsed.origin !== this.origin) {
      throw new GraphApiError({
        kind: 'permanent',
        // The URL itself is not quoted: it may carry a token in its query.
        message: `Graph API paging URL points outside ${this.origin}; not followed`,
        igUserId,
      });
    }
    const params: Record<string, string> = {};
    for (const [name, value] of parsed.searchParams) {
      if (name !== 'access_token') params[name] = value;
    }
    parsed.search = '';
    parsed.hash = '';
    return { url: parsed.toString(), params };
  }
}
