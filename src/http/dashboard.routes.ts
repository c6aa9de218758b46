import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type Response } from 'express';

/**
 * The page may load and connect to its own origin only: everything is bundled, and the
 * GraphQL socket goes to the same host (CSP3 `'self'` covers ws: and wss: of that host).
 * Pico's form controls draw their icons from `data:` SVGs.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The folder `npm run build:web` fills: `dashboard/dist` beside the root package.json. */
export function defaultDashboardDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dashboard', 'dist');
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * `/dashboard`: the built page's static files, without authentication (they hold no data; every
 * GraphQL call the page makes carries the token). Vite names assets by content hash, so they are
 * cached for good; index.html is revalidated every time so a new build is picked up at once.
 * Paths without an extension answer index.html (the page routes by hash, but a reload of a
 * deep link still lands); a missing bundle answers 503 saying how to build it.
 */
export function dashboardRoutes(distDir = defaultDashboardDir()): Router {
  const router = Router();
  const index = join(distDir, 'index.html');
  const sendIndex = (res: Response) =>
    res
      .set('Cache-Control', 'no-cache')
      .set('Content-Security-Policy', DASHBOARD_CSP)
      .sendFile(index);

  router.use((_req, res, next) => {
    if (existsSync(index)) return next();
    res
      .status(503)
      .type('text/plain')
      .send(
        'The dashboard is not built: run `npm run build` (or `npm run build:web`) and reload.\n',
      );
  });
  router.use(
    express.static(distDir, {
      index: false,
      fallthrough: true,
      setHeaders: (res, path) => {
        res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader(
          'Cache-Control',
          path.startsWith(join(distDir, 'assets')) ? IMMUTABLE : 'no-cache',
        );
      },
    }),
  );
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (extname(req.path) !== '' && req.path !== '/index.html') return next();
    sendIndex(res);
  });
  return router;
}
