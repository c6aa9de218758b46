import jwt from 'jsonwebtoken';

/** A secret of the required length for tests (never used outside them). */
export const TEST_JWT_SECRET = 'test-secret-of-at-least-32-bytes-0123456789';

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Bearer tokens of every kind the auth tests present. */
export const tokens = {
  user: (userNo: number, secret = TEST_JWT_SECRET) =>
    jwt.sign({ sub: String(userNo), role: 'user' }, secret, { algorithm: 'HS256', expiresIn: 300 }),
  admin: (secret = TEST_JWT_SECRET) =>
    jwt.sign({ sub: '0', role: 'admin' }, secret, { algorithm: 'HS256', expiresIn: 300 }),
  /** Expired `secondsAgo` ago (beyond the 30 s skew unless told otherwise). */
  expired: (secondsAgo = 120) =>
    jwt.sign(
      { sub: '1', role: 'user', exp: Math.floor(Date.now() / 1000) - secondsAgo },
      TEST_JWT_SECRET,
      { algorithm: 'HS256' },
    ),
  /** Signed with a key the service does not know. */
  forged: () => tokens.admin('another-secret-of-at-least-32-bytes-xxxxxxx'),
  /** `alg: none`: no signature at all. */
  unsigned: () =>
    `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: '0', role: 'admin', exp: Math.floor(Date.now() / 1000) + 300 })}.`,
};
