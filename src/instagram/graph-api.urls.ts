/**
 * Builds the URLs the client calls. Paging URLs from Instagram embed `access_token` (when the
 * request carried one) and the host that answered; both are replaced: the token is dropped
 * (it goes in the header) and the URL is re-rooted on the configured host, so a token is never
 * sent anywhere else.
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

  /** A `paging.next` URL as a call: same path and query, our host, no token. */
  fromNext(next: string): { url: string; params: Record<string, string> } {
    const parsed = new URL(next, this.origin);
    const params: Record<string, string> = {};
    for (const [name, value] of parsed.searchParams) {
      if (name !== 'access_token') params[name] = value;
    }
    return { url: new URL(parsed.pathname, this.origin).toString(), params };
  }
}
