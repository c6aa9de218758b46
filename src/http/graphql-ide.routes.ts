import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type Request, type RequestHandler } from 'express';
import { AppError } from '../errors/app.error.js';
import { sendError } from './error.middleware.js';

/**
 * The page's policy: everything from the service itself. Monaco and GraphiQL add `<style>`
 * elements at run time ('unsafe-inline' styles) and GraphiQL's CSS carries its fonts as data:
 * URLs. Scripts need neither 'unsafe-eval' nor blob: workers (Vite bundles the workers as
 * files); `connect-src 'self'` covers the same-origin WebSocket. No form may submit (the token
 * prompt must never put the token in a URL), and no other site may frame the page.
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** ide/dist beside the project's package.json, from src/http (tests) or dist/src/http (builds). */
export function builtIdeDir(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'ide', 'dist');
}

/** A browser's navigation (HTML preferred over JSON), not an API client's GET. */
export const wantsHtml = (req: Request): boolean =>
  req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) ===
  'text/html';

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'Content-Security-Policy': IDE_CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  next();
};

const refuse =
  (why: string): RequestHandler =>
  (_req, res) =>
    sendError(res, new AppError('NOT_FOUND', why));

/**
 * Mounted on `/graphql` before the API: GET from a browser → GraphiQL's page, its assets under
 * `/graphql/ide/`; anything else (POST, JSON GETs) falls through to Apollo, and WebSocket
 * upgrades never reach Express. Off (or not built), a browser gets a JSON 404, never a page
 * that loads from the internet.
 */
export function graphqlIdeRoutes(options: {
  enabled: boolean;
  dir?: string;
  onMissingBuild?: (dir: string) => void;
}): Router {
  const router = Router();
  const dir = options.dir ?? builtIdeDir();
  const index = join(dir, 'index.html');
  let refusal: string | null = null;
  if (!options.enabled) refusal = 'the GraphQL IDE is off (GRAPHQL_IDE=false)';
  else if (!existsSync(index)) {
    refusal = 'the GraphQL IDE is not built (npm run build:web)';
    options.onMissingBuild?.(dir);
  }
  if (refusal !== null) {
    router.use('/ide', refuse(refusal));
    router.get('/', (req, res, next) =>
      wantsHtml(req) ? refuse(refusal)(req, res, next) : next(),
    );
    return router;
  }
  router.use(
    '/ide',
    securityHeaders,
    express.static(dir, { index: false, immutable: true, maxAge: '365d' }), // hashed names
    refuse('no such file of the GraphQL IDE'),
  );
  router.get('/', (req, res, next) => {
    if (!wantsHtml(req)) return next();
    securityHeaders(req, res, () => {
      res.set('Cache-Control', 'no-cache').sendFile(index);
    });
  });
  return router;
}
