import { createHmac } from 'node:crypto';
import { Agent } from 'undici';
import type { HttpOutcome } from './graph-api.classifier.js';

export interface GraphHttpOptions {
  timeoutMs: number;
  /** Sockets per host; keep-alive reuses them across calls. Default 64. */
  maxSockets?: number;
  /** Meta app secret: when set, every request carries `appsecret_proof` for its token. */
  appSecret?: string | undefined;
}

/** One GET: an absolute URL that carries no token, the query, and the token for the header. */
export interface GraphHttpRequest {
  url: string;
  params: Record<string, string>;
  accessToken: string;
  /** A shorter timeout than the client's for this request (what is left of a deadline). */
  timeoutMs?: number;
}

/**
 * The one place that talks HTTP, on undici (Node's own HTTP/1.1 client, the engine of its
 * `fetch`): a first sync makes 20,000 light calls, and axios spent four times undici's CPU on
 * each (docs/DECISIONS.md). It never throws: every result, including network failures and
 * timeouts, comes back as an HttpOutcome. The token travels only in the Authorization
 * header, and redirects are not followed, so it is never handed to another host. The timeout
 * covers the whole exchange, body included.
 */
export class GraphHttp {
  private readonly agent: Agent;
  private readonly appSecret: string | undefined;
  private readonly timeoutMs: number;

  constructor(options: GraphHttpOptions) {
    this.appSecret = options.appSecret;
    this.timeoutMs = options.timeoutMs;
    this.agent = new Agent({ connections: options.maxSockets ?? 64 });
  }

  async get(request: GraphHttpRequest): Promise<HttpOutcome> {
    const timeoutMs = Math.min(request.timeoutMs ?? Infinity, this.timeoutMs);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    const { signal } = abort;
    try {
      const response = await this.agent.request({
        ...originAndPath(request.url, this.signed(request)),
        method: 'GET',
        headers: { accept: 'application/json', authorization: `Bearer ${request.accessToken}` },
        signal,
      });
      return {
        type: 'response',
        status: response.statusCode,
        headers: plainHeaders(response.headers),
        body: await response.body.text(),
      };
    } catch (error) {
      // Only the error code is kept: nothing of the request (its token) leaves this method.
      const code = (error as { code?: unknown }).code;
      return {
        type: 'network',
        timedOut: signal.aborted,
        code: typeof code === 'string' ? code : undefined,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The query with `appsecret_proof` (HMAC-SHA256 of the token keyed by the app secret) when
   * an app secret is set: Meta then refuses the token from any caller without the secret.
   * Added here, the one place every request (paging included) goes through.
   */
  private signed(request: GraphHttpRequest): Record<string, string> {
    if (!this.appSecret) return request.params;
    const proof = createHmac('sha256', this.appSecret).update(request.accessToken).digest('hex');
    return { ...request.params, appsecret_proof: proof };
  }

  /** Closes the keep-alive sockets (so processes and test runs can exit). */
  close(): void {
    void this.agent.destroy();
  }
}

/** undici's request target: the URL's origin, and its path with the query (`params` added). */
function originAndPath(url: string, params: Record<string, string>) {
  const target = new URL(url);
  for (const [name, value] of Object.entries(params)) target.searchParams.append(name, value);
  return { origin: target.origin, path: `${target.pathname}${target.search}` };
}

function plainHeaders(headers: Record<string, string | string[] | undefined>) {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}
