import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import type { HttpOutcome } from './graph-api.classifier.js';

export interface GraphHttpOptions {
  timeoutMs: number;
  /** Sockets per host and agent; keep-alive reuses them across calls. Default 64. */
  maxSockets?: number;
}

/** One GET: an absolute URL that carries no token, the query, and the token for the header. */
export interface GraphHttpRequest {
  url: string;
  params: Record<string, string>;
  accessToken: string;
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

  constructor(options: GraphHttpOptions) {
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
        params: request.params,
        headers: { Authorization: `Bearer ${request.accessToken}` },
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
