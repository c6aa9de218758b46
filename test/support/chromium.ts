import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Headless Chromium for page tests. Playwright gives every launch a fresh temporary profile
 * (user-data-dir), removed on close; the flags keep Chromium itself off the network (no
 * updates, sync, field trials or QUIC probes), so what a page requests is all a test sees.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface RequestRecorder {
  /** Every URL the context's pages and workers requested, WebSockets included, in order. */
  readonly urls: string[];
  /** Those that went anywhere but 127.0.0.1 (data: and blob: URLs stay in the page). */
  leavingLoopback(): string[];
}

/** Records the requests of `context` from now on (call before the first `goto`). */
export function recordRequests(context: BrowserContext): RequestRecorder {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  context.on('page', (page) => page.on('websocket', (socket) => urls.push(socket.url())));
  for (const page of context.pages()) page.on('websocket', (socket) => urls.push(socket.url()));
  return {
    urls,
    leavingLoopback: () =>
      urls.filter((url) => {
        const { protocol, hostname } = new URL(url);
        return !['data:', 'blob:'].includes(protocol) && hostname !== '127.0.0.1';
      }),
  };
}
