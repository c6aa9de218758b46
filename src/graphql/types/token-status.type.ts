import { registerEnumType } from 'type-graphql';
import { TOKEN_STATUSES, type TokenStatus } from '../../accounts/token-status.js';

export const TokenStatusEnum = Object.fromEntries(TOKEN_STATUSES.map((v) => [v, v])) as {
  [K in TokenStatus]: K;
};

registerEnumType(TokenStatusEnum, {
  name: 'TokenStatus',
  description:
    'VALID; EXPIRING: the token or its data access lapses within 7 days; INVALID: Instagram refused it (code 190) or the account was disconnected; connect again.',
});
