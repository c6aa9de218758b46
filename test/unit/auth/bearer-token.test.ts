import { describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { verifyBearerToken } from '../../../src/auth/bearer-token.js';
import { TEST_JWT_SECRET, tokens } from '../../support/tokens.js';

const sign = (claims: object) =>
  jwt.sign(claims, TEST_JWT_SECRET, { algorithm: 'HS256', noTimestamp: true });
const inFiveMinutes = () => Math.floor(Date.now() / 1000) + 300;

describe('a bearer token', () => {
  it("names a user by its sub and an admin by its role, with the token's expiry", () => {
    const user = verifyBearerToken(tokens.user(7), TEST_JWT_SECRET);
    expect(user.caller).toEqual({ role: 'user', userNo: 7 });
    expect(user.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(verifyBearerToken(tokens.admin(), TEST_JWT_SECRET).caller.role).toBe('admin');
  });

  it.each([
    ['without exp', sign({ sub: '1', role: 'user' }), /must carry exp/],
    ['of an unknown role', sign({ sub: '1', role: 'root', exp: inFiveMinutes() }), /role/],
    [
      'of a user without a numeric sub',
      sign({ sub: 'bob', role: 'user', exp: inFiveMinutes() }),
      /sub/,
    ],
    ['expired beyond the skew', tokens.expired(31), /expired/],
    ['unsigned (alg none)', tokens.unsigned(), /malformed or its signature/],
    ['signed with another key', tokens.forged(), /malformed or its signature/],
    [
      'HS512 instead of the pinned HS256',
      jwt.sign({ sub: '1', role: 'user', exp: inFiveMinutes() }, TEST_JWT_SECRET, {
        algorithm: 'HS512',
      }),
      /signature/,
    ],
    ['not a JWT', 'not-a-jwt', /malformed/],
  ])('is refused as UNAUTHENTICATED when %s, never repeating the token', (_case, token, why) => {
    let refusal: { code?: string; message?: string } = {};
    try {
      verifyBearerToken(token, TEST_JWT_SECRET);
    } catch (error) {
      refusal = error as typeof refusal;
    }
    expect(refusal.code).toBe('UNAUTHENTICATED');
    expect(refusal.message).toMatch(why);
    expect(refusal.message).not.toContain(token);
  });

  it('still verifies within the 30 s of allowed clock skew', () => {
    expect(verifyBearerToken(tokens.expired(20), TEST_JWT_SECRET).caller.userNo).toBe(1);
  });
});
