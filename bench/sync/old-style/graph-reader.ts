import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';

/** The version the service calls (`IG_GRAPH_API_VERSION`'s default). */
export const GRAPH_API_VERSION = 'v25.0';

const TRIES = 3;
const RETRY_WAIT_MS = 1000;

export type GraphParams = Record<string, string>;

export interface GraphPage<T> {
  data: T[];
  paging?: { next?: string };
}

/**
 * A Graph API answer the job does not retry. Its message names the path and Instagram's code,
 * never the URL's query or the token.
 */
export class OldStyleGraphError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: number,
  ) {
    super(message);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * The old job's HTTP reader: one GET at a time, the token in the `Authorization` header, a fixed
 * retry (3 tries, 1 s apart) on 5xx and network errors and none on anything else.
 */
export class OldStyleGraphReader {
  private readonly http: AxiosInstance;
  private readonly agent: http.Agent;

  constructor(graphUrl: string) {
    const secure = new URL(graphUrl).protocol === 'https:';
    this.agent = secure
      ? new https.Agent({ keepAlive: true })
      : new http.Agent({ keepAlive: true });
    this.http = axios.create({
      baseURL: `${graphUrl.replace(/\/+$/, '')}/${GRAPH_API_VERSION}`,
      timeout: 30_000,
      maxRedirects: 0,
      validateStatus: () => true,
      ...(secure ? { httpsAgent: this.agent } : { httpAgent: this.agent }),
    });
  }

  /** `path` is `/{node}/{edge}` or an absolute `paging.next` URL (which carries its own query). */
  async get<T>(path: string, params: GraphParams, accessToken: string): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const response = await this.send(path, params, accessToken);
      const retryable = response === undefined || response.status >= 500;
      if (!retryable) return bodyOf<T>(path, response);
      if (attempt === TRIES) {
        const what = response ? `HTTP ${response.status}` : 'network error';
        throw new OldStyleGraphError(`GET ${pathOf(path)}: ${what} after ${TRIES} tries`, 0);
      }
      await sleep(RETRY_WAIT_MS);
    }
  }

  /** Like `get`, but an insight Instagram refuses (4xx, token errors aside) is skipped. */
  async getOrSkip<T>(path: string, params: GraphParams, accessToken: string): Promise<T | null> {
    try {
      return await this.get<T>(path, params, accessToken);
    } catch (error) {
      const refused =
        error instanceof OldStyleGraphError &&
        error.status >= 400 &&
        error.status < 500 &&
        error.code !== 190;
      if (refused) return null;
      throw error;
    }
  }

  /** Every page of an edge, following `paging.next` until it is gone or `onPage` says stop. */
  async readPages<T>(
    path: string,
    params: GraphParams,
    accessToken: string,
    onPage: (items: T[]) => Promise<'next' | 'stop'>,
  ): Promise<void> {
    let next: string | undefined = path;
    let query = params;
    while (next !== undefined) {
      const page: GraphPage<T> = await this.get<GraphPage<T>>(next, query, accessToken);
      if ((await onPage(page.data)) === 'stop') return;
      next = page.paging?.next;
      query = {};
    }
  }

  close(): void {
    this.agent.destroy();
  }

  /** One request; undefined when no answer came (network error or timeout). */
  private async send(
    path: string,
    params: GraphParams,
    accessToken: string,
  ): Promise<AxiosResponse | undefined> {
    try {
      return await this.http.get(path, {
        params,
        headers: { Authorization: `Bearer ${accessToken}` },
      });
    } catch {
      // Axios errors carry the request config, token included: nothing of them is kept.
      return undefined;
    }
  }
}

function bodyOf<T>(path: string, response: AxiosResponse): T {
  const body: unknown = response.data;
  if (response.status === 200 && typeof body === 'object' && body !== null) return body as T;
  const error = (body as { error?: { message?: string; code?: number } } | null)?.error;
  const detail = error ? `code ${error.code}: ${error.message}` : 'not a JSON answer';
  throw new OldStyleGraphError(
    `GET ${pathOf(path)}: HTTP ${response.status} ${detail}`,
    response.status,
    error?.code,
  );
}

/** The path of a call without its query: a paging URL's query may carry a token. */
function pathOf(path: string): string {
  return new URL(path, 'http://graph.invalid').pathname;
}
