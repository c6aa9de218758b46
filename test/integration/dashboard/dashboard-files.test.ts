import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import { DASHBOARD_CSP, dashboardRoutes } from '../../../src/http/dashboard.routes.js';

/** `dashboardRoutes` on a real HTTP server over `dist` (a folder of this test's making). */
async function serve(dist: string): Promise<{ url: string; server: Server }> {
  const app = express();
  app.use('/dashboard', dashboardRoutes(dist));
  app.use((_req, res) => void res.status(404).send('not found'));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the dashboard files at /dashboard', () => {
  let dist: string;
  let url: string;
  let server: Server;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'dashboard-dist-'));
    ({ url, server } = await serve(dist));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dist, { recursive: true, force: true });
  });

  it('answers 503 saying how to build it while the bundle is missing', async () => {
    const response = await fetch(`${url}/dashboard/`);
    expect(response.status).toBe(503);
    await expect(response.text()).resolves.toMatch(/run `npm run build`/);
  });

  describe('once built', () => {
    beforeAll(async () => {
      await mkdir(join(dist, 'assets'));
      await writeFile(join(dist, 'index.html'), '<!doctype html><title>dashboard</title>');
      await writeFile(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    });

    it('serves index.html for the page and any deep link, never cached, under the CSP', async () => {
      for (const path of ['/dashboard/', '/dashboard/runs/7', '/dashboard/index.html']) {
        const response = await fetch(`${url}${path}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/html/);
        expect(response.headers.get('cache-control')).toBe('no-cache');
        expect(response.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
        await expect(response.text()).resolves.toContain('<title>dashboard</title>');
      }
    });

    it('serves hashed assets as immutable, and a missing asset as 404 rather than the page', async () => {
      const asset = await fetch(`${url}/dashboard/assets/index-abc123.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await fetch(`${url}/dashboard/assets/gone-000.js`)).status).toBe(404);
    });

    it('allows the page to load and connect only to its own origin', () => {
      const directives = DASHBOARD_CSP.split('; ');
      expect(directives).toContain("default-src 'self'");
      expect(directives).toContain("connect-src 'self'");
      expect(DASHBOARD_CSP).not.toMatch(/https?:|\*|unsafe/);
    });
  });
});
