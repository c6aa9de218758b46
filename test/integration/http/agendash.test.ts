import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  startAuthenticatedService,
  startTestService,
  type TestService,
} from '../../support/service.js';
import { tokens } from '../../support/tokens.js';

interface AgendashJobs {
  overview: Array<{ displayName: string; total: number }>;
  jobs: Array<{ job: { name: string }; repeating: boolean }>;
  total: number;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The cookie the service set, as a browser would send it back. */
function cookieFrom(response: Response): string {
  const setCookie = response.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0]!;
}

describe('Agendash at /agendash, with auth on', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startAuthenticatedService('sqlite');
  });
  afterAll(async () => {
    await service?.stop();
  });
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${service.url}${path}`, { headers, redirect: 'manual' });

  it('shows an admin its page, self-contained, and our jobs through its API', async () => {
    const page = await get('/agendash/', bearer(tokens.admin()));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>Agendash</title>');
    // Everything the page loads is relative to it: nothing from the internet.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
    expect((await get(`/agendash/${script}`, bearer(tokens.admin()))).status).toBe(200);

    // The recurring schedules are jobs from the start.
    const api = await get('/agendash/api?limit=50', bearer(tokens.admin()));
    expect(api.status).toBe(200);
    const listed = (await api.json()) as AgendashJobs;
    const names = listed.jobs.map((entry) => entry.job.name);
    expect(names).toEqual(
      expect.arrayContaining(['instagram-sync-scheduled', 'instagram-sync-deep-scheduled']),
    );
    expect(listed.jobs.find((e) => e.job.name === 'instagram-sync-scheduled')?.repeating).toBe(
      true,
    );
    expect(listed.overview[0]).toMatchObject({ displayName: 'All Jobs' });
    expect(listed.overview[0]!.total).toBe(listed.total);
  });

  it('refuses a request without a token (401) and a user token (403), with none of the page', async () => {
    for (const path of ['/agendash/', '/agendash/api', '/agendash/api/stats']) {
      const anonymous = await get(path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
      const user = await get(path, bearer(tokens.user(1)));
      expect(user.status).toBe(403);
      for (const refused of [anonymous, user]) {
        expect(refused.headers.get('content-type')).toMatch(/application\/json/);
        expect(await refused.text()).not.toMatch(/Agendash|<html/i);
      }
    }
    expect((await get('/agendash/?token=' + tokens.user(1))).status).toBe(403);
    const forged = await get('/agendash/?token=' + tokens.forged());
    expect(forged.status).toBe(401);
    expect(forged.headers.get('set-cookie')).toBeNull();
  });

  it('turns a ?token= link into a cookie for /agendash only, then drops the token from the address', async () => {
    const link = await get(`/agendash?token=${tokens.admin()}`);
    expect(link.status).toBe(303);
    expect(link.headers.get('location')).toBe('/agendash/');
    const setCookie = link.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/agendash/);
    expect(setCookie).toMatch(/Expires=/);

    const cookie = cookieFrom(link);
    const page = await get('/agendash/', { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Agendash</title>');
    expect((await get('/agendash/api', { cookie })).status).toBe(200);
    // The cookie is no credential anywhere else.
    const elsewhere = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(elsewhere.status).toBe(401);
  });

  it('takes job changes only as JSON, so a form on another page cannot use the cookie', async () => {
    const cookie = cookieFrom(await get(`/agendash?token=${tokens.admin()}`));
    const form = await fetch(`${service.url}/agendash/api/jobs/create`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'jobName=instagram-sync-scheduled',
    });
    expect(form.status).toBe(400);
    expect(await form.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
  });

  it('drops a cookie whose token has expired', async () => {
    const expired = await get('/agendash/api', {
      cookie: `instagram-sync-agendash=${tokens.expired()}`,
    });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('set-cookie')).toMatch(
      /instagram-sync-agendash=;.*Expires=Thu, 01 Jan 1970/,
    );
  });
});

describe('Agendash without auth (local operator mode)', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ engine: 'sqlite' });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('is open like every other surface', async () => {
    const api = await fetch(`${service.url}/agendash/api`);
    expect(api.status).toBe(200);
    expect(((await api.json()) as AgendashJobs).total).toBeGreaterThan(0);
  });
});
