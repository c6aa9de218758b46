import jwt from 'jsonwebtoken';
import { AppError } from '../errors/app.error.js';
import type { Caller } from './caller.js';

/** Tokens a few seconds off the server's clock still verify; more is refused. */
export const CLOCK_SKEW_SECONDS = 30;

export interface VerifiedToken {
  caller: Caller;
  /** After this instant (plus the skew) the token is refused and sockets opened with it close. */
  expiresAt: Date;
}

const refuse = (why: string) => new AppError('UNAUTHENTICATED', `access token ${why}`);

/**
 * Verifies an HS256 JWT: the algorithm is pinned (so `alg: none` and RS/HS confusion fail),
 * `exp` is required, `role` is `admin` or `user`, and a user's `sub` is its userNo. The
 * refusal never repeats the token.
 */
export function verifyBearerToken(token: string, secret: string): VerifiedToken {
  let claims: jwt.JwtPayload;
  try {
    const decoded = jwt.verify(token, secret, {
      algorithms: ['HS256'],
      clockTolerance: CLOCK_SKEW_SECONDS,
    });
    if (typeof decoded === 'string') throw refuse('is not a JWT with claims');
    claims = decoded;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof jwt.TokenExpiredError) throw refuse('has expired');
    throw refuse('is malformed or its signature is invalid');
  }
  if (typeof claims.exp !== 'number') throw refuse('must carry exp');
  return { caller: callerOf(claims), expiresAt: new Date(claims.exp * 1000) };
}

function callerOf(claims: jwt.JwtPayload): Caller {
  const userNo = /^[1-9]\d{0,15}$/.test(String(claims.sub ?? '')) ? Number(claims.sub) : null;
  if (claims.role === 'admin') return { role: 'admin', userNo };
  if (claims.role !== 'user') throw refuse("must carry role 'admin' or 'user'");
  if (userNo === null) throw refuse("of role 'user' must carry sub = the userNo");
  return { role: 'user', userNo };
}
