/**
 * The HTTP side: one request = record → latency → injected fault → answer (token check,
 * budget, route) → JSON with usage headers. Every request is recorded (without tokens)
 * before anything else, so tests also see calls that fail or never get an answer.
 */
import { omitNestedEdge } from './nested-edge-omission.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { FaultOutcome, FaultRegistry } from './fault-control.js';
import type { RecordedRequest, ThrottleCode } from './fake-graph-api.types.js';
import type { FakeStore } from './fake-store.js';
import { answerRequest, errorAnswer, type Answer, type RequestParts } from './graph-answer.js';
import { INSTAGRAM_HOST_PREFIX, type GraphHost } from './graph-host.js';
import { unknownPath } from './graph-errors.js';
import { readToken } from './token-auth.js';
import type { UsageMeter } from './usage-meter.js';

export interface ServerDeps {
  store: FakeStore;
  usage: UsageMeter;
  faults: FaultRegistry;
  requests: RecordedRequest[];
  latencyMs: number;
  throttleCode: ThrottleCode;
  maxExpansionItems: number;
}

/** Query parameters that carry secrets and never go into `requests`. */
const SECRETS = new Set(['access_token', 'input_token', 'fb_exchange_token', 'client_secret']);

/** The `error.code` of a Graph error body, when the answer is one. */
function errorCodeOf(answer: Answer): number | undefined {
  const error = (answer.body as { error?: { code?: unknown } }).error;
  return typeof error?.code === 'number' ? error.code : undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `/v25.0/a/b` → Facebook host, version 'v25.0', segments [a, b]; `/instagram/v25.0/a/b` →
 * the same on the Instagram host. Unversioned paths are served too.
 */
function splitPath(pathname: string): { host: GraphHost; version: string; segments: string[] } {
  const parts = pathname
    .split('/')
    .filter((p) => p !== '')
    .map(decodeURIComponent);
  const host: GraphHost = parts[0] === INSTAGRAM_HOST_PREFIX ? 'instagram' : 'facebook';
  if (host === 'instagram') parts.shift();
  const version = /^v\d+(\.\d+)?$/.test(parts[0] ?? '') ? (parts.shift() ?? '') : '';
  return { host, version, segments: parts };
}

export class GraphServer {
  private readonly server = createServer((req, res) => {
    this.handle(req, res).catch((error: unknown) => {
      this.send(res, errorAnswer(unknownPath(String(error))), '');
    });
  });
  private baseUrl = '';

  constructor(private readonly deps: ServerDeps) {}

  async listen(port: number, host = '127.0.0.1', publicUrl?: string): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, host, resolve));
    this.baseUrl =
      publicUrl?.replace(/\/+$/, '') ??
      `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  /** Stops listening and drops every connection, including requests held by `timeout`. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  /** The request's parts, and its record (already in `requests`). */
  private receive(req: IncomingMessage): { parts: RequestParts; record: RecordedRequest } {
    const { store } = this.deps;
    const nowMs = store.now().getTime();
    const url = new URL(req.url ?? '/', 'http://fake');
    const { host, version, segments } = splitPath(url.pathname);
    const caller = readToken(req.headers, url.searchParams);
    const tokenAccount = caller.token ? store.accountByToken(caller.token) : undefined;
    const node = segments[0] === 'me' ? undefined : store.ownerOf(segments[0] ?? '');
    const igUserId = node ?? tokenAccount?.igUserId;
    const query = new Map([...url.searchParams].filter(([key]) => !SECRETS.has(key)));
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(query),
      status: 0,
      ...(igUserId ? { igUserId } : {}),
      at: new Date(nowMs).toISOString(),
    };
    this.deps.requests.push(record);
    const inputToken = url.searchParams.get('input_token') ?? '';
    const parts = {
      method: record.method,
      host,
      version,
      segments,
      query,
      caller,
      inputToken,
      nowMs,
    };
    return { parts, record };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { parts, record } = this.receive(req);
    const outcome: FaultOutcome = this.deps.faults.take(
      record.path,
      record.igUserId,
      parts.caller.token,
      record.query,
    );
    const delay = this.deps.latencyMs + outcome.latencyMs;
    if (delay > 0) await sleep(delay);
    if (outcome.failure?.kind === 'timeout') return; // held until the socket goes away
    const answer = answerRequest(
      { ...this.deps, baseUrl: this.baseUrl },
      { ...parts, nowMs: this.deps.store.now().getTime() },
      outcome,
    );
    record.status = answer.status;
    const code = errorCodeOf(answer);
    if (code !== undefined) record.errorCode = code;
    if (outcome.failure?.kind === 'omitNestedEdge')
      omitNestedEdge(answer.body, outcome.failure.edge);
    if (outcome.failure?.kind === 'badPage') {
      const text = JSON.stringify(answer.body);
      this.sendText(res, 200, text.slice(0, Math.floor(text.length / 2)), answer.headers);
    } else if (outcome.failure?.kind === 'http5xx' && answer.status !== 500) {
      const reason = answer.status === 502 ? 'Bad Gateway' : 'Service Unavailable';
      const html = `<html><body><h1>${answer.status} ${reason}</h1></body></html>`;
      this.sendText(res, answer.status, html, { 'Content-Type': 'text/html' });
    } else {
      this.send(res, answer, parts.version);
    }
  }

  private send(res: ServerResponse, answer: Answer, version: string): void {
    const headers = { ...(version ? { 'facebook-api-version': version } : {}), ...answer.headers };
    this.sendText(res, answer.status, JSON.stringify(answer.body), headers);
  }

  private sendText(
    res: ServerResponse,
    status: number,
    text: string,
    headers: Record<string, string>,
  ): void {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', ...headers });
    res.end(text);
  }
}
