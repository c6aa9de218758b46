import type { Request, RequestHandler, Response } from 'express';
import type { Authenticator } from '../auth/authenticator.js';
import { isAdmin } from '../auth/caller.js';
import { AppError } from '../errors/app.error.js';
import { sendError } from './error.middleware.js';

/**
 * Admin-only pages a browser navigates to (Agendash), which cannot send a bearer header. The
 * admin opens `<path>?token=<admin JWT>` once: the token is verified, kept in an HttpOnly,
 * SameSite=Strict cookie scoped to `path` that expires with the JWT, and the browser is sent
 * on to the address without it. Afterwards the cookie (or an `Authorization: Bearer` header)
 * is checked on every request: page, assets and API alike. No credential → 401, a non-admin's
 * → 403, both without any of the page. Auth off: open, as every other surface is.
 *
 * A request that changes something must be JSON (`content-type: application/json`): a form on
 * another page of the same site (another port of 127.0.0.1 is the same *site*) would carry the
 * SameSite cookie, but cannot send JSON across origins without a CORS preflight, which fails.
 */
export function adminPageGuard(
  authenticator: Authenticator,
  { path, cookie }: { path: string; cookie: string },
): RequestHandler {
  const refuse = (res: Response, error: AppError) => {
    if (error.code === 'UNAUTHENTICATED') res.set('WWW-Authenticate', 'Bearer');
    sendError(res, error);
  };
  return (req, res, next) => {
    if (!authenticator.enabled) return next();
    const fromQuery = typeof req.query.token === 'string' ? req.query.token : undefined;
    const fromCookie = fromQuery ? undefined : cookieOf(req, cookie);
    // The token in the address is the one to keep, so it is the one verified.
    const authorization = fromQuery
      ? `Bearer ${fromQuery}`
      : (req.headers.authorization ?? (fromCookie ? `Bearer ${fromCookie}` : undefined));
    let expiresAt: Date;
    try {
      const verified = authenticator.authenticate(authorization);
      if (!isAdmin(verified.caller)) throw new AppError('FORBIDDEN', 'this page is for admins');
      expiresAt = verified.expiresAt;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (fromCookie && error.code === 'UNAUTHENTICATED') res.clearCookie(cookie, { path });
      return refuse(res, error);
    }
    if (fromQuery) {
      res.cookie(cookie, fromQuery, {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.secure,
        path,
        expires: expiresAt,
      });
      // 303 to the same address without the token, so it stays out of history and Referer.
      return res.redirect(303, `${path}/`);
    }
    if (!['GET', 'HEAD'].includes(req.method) && !req.is('application/json')) {
      return refuse(
        res,
        new AppError('BAD_USER_INPUT', 'a request that changes jobs must be application/json'),
      );
    }
    res.set({ 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'no-referrer' });
    next();
  };
}

/** One cookie's value from the Cookie header (a JWT needs no decoding). */
function cookieOf(req: Request, name: string): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return value.join('=') || undefined;
  }
  return undefined;
}
