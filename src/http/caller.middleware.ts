import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Authenticator } from '../auth/authenticator.js';
import type { Caller } from '../auth/caller.js';
import { AppError } from '../errors/app.error.js';

/** The caller a `requireCaller` middleware found, for the handlers after it. */
export const callerOf = (res: Response): Caller => res.locals.caller as Caller;

/**
 * Authenticates every request of a router: 401 with a JSON error when the bearer token is
 * missing, malformed, forged or expired; `accept` may let another credential in first.
 */
export function requireCaller(
  authenticator: Authenticator,
  accept?: (req: Request) => Caller | undefined,
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    try {
      res.locals.caller =
        accept?.(req) ?? authenticator.authenticate(req.headers.authorization).caller;
      next();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .json({ success: false, error: { code: error.code, message: error.message, field: null } });
    }
  };
}
