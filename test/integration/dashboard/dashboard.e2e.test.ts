// The functions given to page.evaluate run in the browser: DOM types for them.
/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { defaultDashboardDir } from '../../../src/http/dashboard.routes.js';
import { launchBrowser, requestsLeavingLoopback, type TestBrowser } from '../../support/browser.js';
import { startTestService, type TestService } from '../../support/service.js';
import { TEST_JWT_SECRET, tokens } from '../../support/tokens.js';

const SCREENSHOTS = resolve('docs/screenshots');

interface StepSnapshot {
  step: string;
  status: string;
  done: string;
  items: string;
}
interface Snapshot {
  run: string | null;
  steps: StepSnapshot[];
}

/**
 * Records every state the run page shows, from inside the page: a MutationObserver takes a
 * snapshot of the run's status and each step's progress whenever the DOM changes.
 */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const snapshots: Snapshot[] = [];
    (window as unknown as { snapshots: Snapshot[] }).snapshots = snapshots;
    new MutationObserver(() => {
      const steps = Array.from(document.querySelectorAll<HTMLElement>('article.step')).map(
        (el) => ({
          step: el.dataset.testid ?? '',
          status: el.dataset.status ?? '',
          done: el.dataset.done ?? '',
          items: el.dataset.items ?? '',
        }),
      );
      const run = document.querySelector<HTMLElement>('[data-testid=run]')?.dataset.status ?? null;
      snapshots.push({ run, steps });
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

async function startFromForm(page: Page, options: { userNo?: number; months: number }) {
  const form = page.getByTestId('start-form');
  if (options.userNo !== undefined) {
    await form.locator('select[name=target]').selectOption('one');
    await form.locator('input[name=userNo]').fill(String(options.userNo));
  }
  await form.locator('input[name=months]').fill(String(options.months));
  await form.getByRole('button', { name: 'Start sync' }).click();
  await page.waitForURL(/#\/runs\/.+/);
}

describe('the dashboard in Chromium, with authentication on', () => {
  let service: TestService;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(resolve(defaultDashboardDir(), 'index.html')))
      throw new Error('dashboard/dist is missing: run `npm run build:web` first');
    service = await startTestService({
      engine: 'sqlite',
      // The latency stretches the run over seconds, so its steps are seen moving.
      fake: { accounts: 3, media: 30, comments: 4, seed: 5, latencyMs: 25 },
      env: { AUTH_JWT_SECRET: TEST_JWT_SECRET },
    });
    await service.connectAll({ authorization: `Bearer ${tokens.admin()}` });
    browser = await launchBrowser();
    page = await browser.newPage();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('takes the token from #token=, keeps it for the session and drops it from the address', async () => {
    await page.goto(`${service.url}/dashboard/#token=${tokens.admin()}`);
    await page.getByTestId('batch-status').waitFor();
    expect(new URL(page.url()).hash).toBe('#/');
    expect(await page.evaluate(() => sessionStorage.getItem('instagram-sync-token'))).toMatch(
      /^ey/,
    );
    // The nightly and the weekly deep sync, each with its next start.
    const schedules = page.getByTestId('schedules').locator('li');
    await expect(schedules.count()).resolves.toBe(2);
    await expect(page.locator('[data-schedule=deep]').textContent()).resolves.toMatch(
      /^[A-Za-z0-9].* — deep, 12 months/,
    );
    await expect(page.locator('[data-schedule=nightly]').textContent()).resolves.toMatch(
      /^[A-Za-z0-9].* — nightly, 1 month \(/,
    );
  });

  it('refuses months outside 1–12 before asking the service', async () => {
    const form = page.getByTestId('start-form');
    await form.locator('input[name=months]').fill('13');
    await form.getByRole('button', { name: 'Start sync' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toBe(
      'months must be a whole number from 1 to 12',
    );
    expect(new URL(page.url()).hash).toBe('#/');
  });

  it('starts a run and shows its four steps moving live until COMPLETED', async () => {
    await recordProgress(page);
    await startFromForm(page, { months: 1 });
    await page.locator('[data-testid=run][data-status=COMPLETED]').waitFor({ timeout: 45_000 });
    for (const step of ['profile', 'media', 'comments', 'insights'])
      await expect(page.getByTestId(`step-${step}`).getAttribute('data-status')).resolves.toBe(
        'COMPLETED',
      );
    await page.screenshot({ path: resolve(SCREENSHOTS, 'dashboard-run.png'), fullPage: true });

    const snapshots = await page.evaluate(
      () => (window as unknown as { snapshots: Snapshot[] }).snapshots,
    );
    // While the run was RUNNING, some step's bar showed two different states (accounts done or
    // items written), i.e. the page moved with the subscription, not only at the end.
    const whileRunning = snapshots.filter((s) => s.run === 'RUNNING');
    const statesOf = (step: string) =>
      new Set(
        whileRunning.flatMap((s) =>
          s.steps
            .filter((x) => x.step === step && x.done !== '')
            .map((x) => `${x.done}/${x.items}`),
        ),
      );
    const moving = ['step-profile', 'step-media', 'step-comments', 'step-insights'].filter(
      (step) => statesOf(step).size >= 2,
    );
    expect(moving.length).toBeGreaterThan(0);
    const finalSteps = snapshots.at(-1)!.steps;
    expect(finalSteps.every((s) => Number(s.done) === 3)).toBe(true);
  });

  it('starts a second run and cancels it from the page', async () => {
    await page.goto(`${service.url}/dashboard/#/`);
    await startFromForm(page, { userNo: 2, months: 12 });
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await page.locator('[data-testid=run][data-status=CANCELLED]').waitFor({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'Cancel run' }).count()).resolves.toBe(0);
  });

  it('opens an account page with its daily charts drawn', async () => {
    // The accounts list shows every connected account.
    await page.goto(`${service.url}/dashboard/#/accounts`);
    const row = page.locator('[data-account="2"]');
    await expect(row.locator('[data-status]').textContent()).resolves.toBe('VALID');
    await expect(page.locator('[data-account]').count()).resolves.toBe(3);
    await row.locator('a').click();
    const chart = page.locator('[data-testid=chart-reach]');
    await chart.waitFor();
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(20);
    // The canvas has pixels drawn on it, not only an empty element.
    const painted = await chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
      return count;
    });
    expect(painted).toBeGreaterThan(1000);
    // The followers history: one snapshot per day a sync ran (one run so far for this account).
    const history = page.locator('[data-testid=chart-followers]');
    expect(Number(await history.getAttribute('data-points'))).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('profile-counts').textContent()).resolves.toMatch(/^\d+ \//);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'dashboard-account.png'), fullPage: true });
  });

  it('lists a failed account with its error, and restarts the run once the account is fixed', async () => {
    const victim = service.fake.data.accounts[2]!;
    const fault = service.fake.faults.add({
      kind: 'tokenExpired',
      match: { igUserId: victim.igUserId, path: '/insights' },
    });
    await page.goto(`${service.url}/dashboard/#/`);
    await startFromForm(page, { userNo: 3, months: 1 });
    // Its only account failed a step, so the run FAILED (and may be restarted).
    await page.locator('[data-testid=run][data-status=FAILED]').waitFor();
    const failure = page.getByTestId('failures').locator('tbody tr');
    await expect(failure.count()).resolves.toBe(1);
    await expect(failure.innerText()).resolves.toMatch(/^insights\s+3\s+GRAPH_AUTH_190/);

    // The user connects again with a new token; the operator restarts from the page.
    service.fake.faults.remove(fault);
    const reconnect = await service.gql(
      'mutation($input: ConnectInstagramAccountInput!) { connectInstagramAccount(input: $input) { status } }',
      {
        input: {
          userNo: 3,
          igUserId: victim.igUserId,
          accessToken: service.fake.mutate.rotateToken(victim.igUserId),
        },
      },
      { authorization: `Bearer ${tokens.admin()}` },
    );
    expect(reconnect.errors).toBeUndefined();
    const failedRun = page.url();
    await page.getByRole('button', { name: 'Restart run' }).click();
    await page.waitForURL((url) => url.href !== failedRun);
    await page.locator('[data-testid=run][data-status=COMPLETED]').waitFor();
    // The badge follows the live events; the step cards follow the run's record, re-read on
    // each event, so they may show the end a moment later.
    await page.locator('[data-testid=step-insights][data-status=COMPLETED]').waitFor();
  });

  it('asks a new tab for the token once, then shows the data', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${service.url}/dashboard/`);
    const prompt = tab.getByTestId('token-prompt');
    await prompt.locator('input[name=token]').fill(tokens.admin());
    await prompt.getByRole('button', { name: 'Use token' }).click();
    await tab.getByTestId('recent-runs').waitFor();
    await expect(tab.locator('[data-testid=recent-runs] tbody tr').count()).resolves.toBe(4);
    expect(await prompt.count()).toBe(0);
    await tab.close();
  });

  it('loads nothing from outside 127.0.0.1 and uses the WebSocket', () => {
    expect(requestsLeavingLoopback(browser)).toEqual([]);
    expect(browser.requests).toContain(`${service.url.replace('http', 'ws')}/graphql`);
    expect(browser.pageErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });
});
