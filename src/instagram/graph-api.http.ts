import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import type { HttpOutcome } from './graph-api.classifier.js';

export interface GraphHttpOptions {
  timeoutMs: number;
  /** Sockets per host and agent; keep-alive reuses them across calls. Default 64. */
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
 * The one place that talks HTTP. It never throws: every result, including network failures and
 * timeouts, comes back as an HttpOutcome. The token travels only in the Authorization header,
 * and redirects are not followed, so it is never handed to another host.
 */
export class GraphHttp {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly axios: AxiosInstance;
  private readonly appSecret: string | undefined;
  private readonly timeoutMs: number;

  constructor(options: GraphHttpOptions) {
    this.appSecret = options.appSecret;
    this.timeoutMs = options.timeoutMs;
    const maxSockets = options.maxSockets ?? 64;
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets });
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets });
    this.axios = axios.create({
      timeout: options.timeoutMs,
      httpAgent: this.httpAgent,
      httpsAgent: this.httpsAgent,
      maxRedirects: 0,
      // Read the raw text: a truncated or non-JSON page must be seen, not silently kept as a string.
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      headers: { Accept: 'application/json' },
    });
  }

  async get(request: GraphHttpRequest): Promise<HttpOutcome> {
    try {
      const response = await this.axios.get<string>(request.url, {
        params: this.signed(request),
        headers: { Authorization: `Bearer ${request.accessToken}` },
        ...(request.timeoutMs !== undefined
          ? { timeout: Math.min(request.timeoutMs, this.timeoutMs) }
          : {}),
      });
      return {
        type: 'response',
        status: response.status,
        headers: plainHeaders(response.headers),
        body: typeof response.data === 'string' ? response.data : '',
      };
    } catch (error) {
      // Only the error code is kept: axios errors carry the request config, token included.
      const code = (error as { code?: unknown }).code;
      return {
        type: 'network',
        timedOut: code === 'ECONNABORTED' || code === 'ETIMEDOUT',
        code: typeof code === 'string' ? code : undefined,
      };
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
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

function plainHeaders(headers: object): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return result;
}
