import { AppError } from '../errors/app.error.js';
import { verifyBearerToken, type VerifiedToken } from './bearer-token.js';
import { LOCAL_OPERATOR } from './caller.js';

/** Finds the caller of a request from its `Authorization` header (or a socket's parameter). */
export class Authenticator {
  constructor(private readonly secret: string | undefined) {}

  get enabled(): boolean {
    return this.secret !== undefined;
  }

  /** `Bearer <JWT>` → the verified caller; throws UNAUTHENTICATED. Off: the local operator. */
  authenticate(authorization: string | undefined): VerifiedToken {
    if (this.secret === undefined) return { caller: LOCAL_OPERATOR, expiresAt: new Date(8.64e15) };
    const token = bearerOf(authorization);
    if (!token) {
      throw new AppError('UNAUTHENTICATED', 'an Authorization: Bearer <access token> is required');
    }
    return verifyBearerToken(token, this.secret);
  }
}

/** The token of a `Bearer …` value; undefined when absent or of another scheme. */
export function bearerOf(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}
