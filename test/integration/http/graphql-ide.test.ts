import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ConfigError, loadConfig } from '../../../src/config/config.js';
import { launchBrowser, requestsLeavingLoopback, type TestBrowser } from '../../support/browser.js';
import {
  startAuthenticatedService,
  startTestService,
  type TestService,
} from '../../support/service.js';
import { TEST_JWT_SECRET, tokens } from '../../support/tokens.js';
import { eventually } from '../../support/waiting.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

interface OpenedPage {
  page: Page;
  /** Every URL the page asked for, WebSockets included. */
  requests: readonly string[];
  /** The requests that went anywhere but 127.0.0.1. */
  leavingLoopback(): string[];
  /** What the page's console said about the Content-Security-Policy (should stay empty). */
  cspViolations(): string[];
}

const browsers: TestBrowser[] = [];

/** A page in a browser of its own (own sessionStorage), recording every request from its start. */
async function openPage(): Promise<OpenedPage> {
  const browser = await launchBrowser();
  browsers.push(browser);
  const page = await browser.newPage();
  return {
    page,
    requests: browser.requests,
    leavingLoopback: () => requestsLeavingLoopback(browser),
    cspViolations: () =>
      browser.pageErrors.filter((message) => /Content.Security.Policy/i.test(message)),
  };
}

/** The response pane's text once it shows `expected` (Monaco renders it as text lines). */
const responseShowing = (page: Page, expected: string) =>
  eventually(async () => {
    // Monaco renders spaces as no-break spaces.
    const text = (await page.locator('.result-window').innerText()).replace(/\u00a0/g, ' ');
    return text.includes(expected) ? text : undefined;
  });

const executeButton = (page: Page) => page.getByRole('button', { name: /Execute query/ });

/** Runs the operation once the query editor holds it (Monaco mounts after the page shows). */
async function runOperation(page: Page, field: string): Promise<void> {
  await eventually(async () => {
    const text = await page.locator('.graphiql-query-editor').innerText();
    return text.includes(field) ? true : undefined;
  });
  await executeButton(page).click();
}

afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
});

describe('the GraphQL IDE at /graphql, with auth on', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startAuthenticatedService('sqlite');
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('opens GraphiQL from a #token link and runs a query, with no request leaving 127.0.0.1', async () => {
    const { page, requests, leavingLoopback, cspViolations } = await openPage();
    const query = '{ batchStatus { cron timezone } }';
    await page.goto(
      `${service.url}/graphql?query=${encodeURIComponent(query)}#token=${tokens.admin()}`,
    );
    await runOperation(page, 'batchStatus');

    const result = await responseShowing(page, '"cron"');
    expect(result).toContain('"0 2 * * *"');
    expect(result).toContain('"Asia/Seoul"');
    // The token left the address bar and stays for this tab only.
    expect(page.url()).not.toContain('token=');
    expect(await page.evaluate(() => sessionStorage.getItem('instagram-sync-token'))).toMatch(
      /^ey/,
    );
    expect(requests.some((url) => url.includes('/graphql/ide/assets/'))).toBe(true);
    expect(leavingLoopback()).toEqual([]);
    expect(cspViolations()).toEqual([]);
  });

  it('asks for a token, says why a bad one is refused, and opens once a valid one is given', async () => {
    const { page, requests, leavingLoopback } = await openPage();
    await page.goto(`${service.url}/graphql`);
    const tokenField = page.getByLabel('Access token');
    await tokenField.fill(tokens.forged());
    await page.getByRole('button', { name: 'Open the IDE' }).click();
    // The prompt checks the token with the server first: wait for its answer to show.
    await page
      .getByRole('alert')
      .filter({ hasText: /signature is invalid/ })
      .waitFor();

    await page.getByLabel('Access token').fill(tokens.user(1));
    await page.getByRole('button', { name: 'Open the IDE' }).click();
    await executeButton(page).waitFor({ state: 'visible' });
    // No token went into an address (the prompt never submits a form).
    expect(requests.filter((url) => url.includes('ey'))).toEqual([]);
    expect(leavingLoopback()).toEqual([]);
  });

  it('follows batchProgress over graphql-ws: a run started elsewhere shows up live', async () => {
    const { page, requests, leavingLoopback } = await openPage();
    const subscription = 'subscription { batchProgress { type status executionId } }';
    await page.goto(
      `${service.url}/graphql?query=${encodeURIComponent(subscription)}#token=${tokens.admin()}`,
    );
    await runOperation(page, 'batchProgress');
    // Subscribed once the button offers to stop; then a run starts through the API.
    await page.getByRole('button', { name: /Stop query/ }).waitFor();
    await eventually(async () => (requests.some((u) => u.startsWith('ws://')) ? true : undefined));
    const started = await service.gql<{ startInstagramSync: { executionId: string } }>(
      'mutation { startInstagramSync(months: 1) { executionId } }',
      {},
      { authorization: `Bearer ${tokens.admin()}` },
    );
    const executionId = started.data!.startInstagramSync.executionId;

    const result = await responseShowing(page, executionId);
    expect(result).toContain('"batchProgress"');
    expect(requests).toContain(`${service.url.replace('http', 'ws')}/graphql`);
    expect(leavingLoopback()).toEqual([]);
  });

  it('keeps /graphql an API for everything but a browser, and serves no landing page', async () => {
    const bearer = { authorization: `Bearer ${tokens.admin()}` };
    const jsonGet = await fetch(
      `${service.url}/graphql?query=${encodeURIComponent('{ __typename }')}`,
      {
        headers: { accept: 'application/json', 'apollo-require-preflight': 'true', ...bearer },
      },
    );
    expect(await jsonGet.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await service.gql('{ __typename }', {}, bearer)).data).toEqual({ __typename: 'Query' });

    const page = await fetch(`${service.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
    const html = await page.text();
    expect(html).toContain('/graphql/ide/assets/');
    expect(html).not.toMatch(/https?:\/\//);
  });
});

describe('the GraphQL IDE in production', () => {
  const production = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    // Never called here: no account is connected and no sync runs.
    IG_GRAPH_API_URL: 'https://127.0.0.1:9',
    IG_INSTAGRAM_API_URL: 'https://127.0.0.1:9',
  };
  let off: TestService;
  let on: TestService;
  beforeAll(async () => {
    [off, on] = await Promise.all([
      startTestService({ engine: 'sqlite', env: production }),
      startTestService({ engine: 'sqlite', env: { ...production, GRAPHQL_IDE: 'true' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([off?.stop(), on?.stop()]);
  });

  it('is off by default: a browser opening /graphql gets a plain 404 and loads nothing else', async () => {
    const { page, requests } = await openPage();
    const response = await page.goto(`${off.url}/graphql`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('body').innerText()).toContain('the GraphQL IDE is off');
    expect(await page.locator('.graphiql-container').count()).toBe(0);
    expect(requests).toEqual([`${off.url}/graphql`]);

    const asset = await fetch(`${off.url}/graphql/ide/assets/anything.js`);
    expect(asset.status).toBe(404);
  });

  it('is on with GRAPHQL_IDE=true, and the setting takes nothing but true or false', async () => {
    const response = await fetch(`${on.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('/graphql/ide/assets/');

    expect(() => loadConfig({ GRAPHQL_IDE: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ GRAPHQL_IDE: 'yes' })).toThrow(
      /GRAPHQL_IDE="yes": must be true or false/,
    );
  });
});
