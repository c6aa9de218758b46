import {
  collectPageAccounts,
  readInstagramLoginUser,
  type InstagramLoginUser,
} from './account-discovery.js';
import { paginate, type PagingDeps } from './graph-api.paging.js';
import type { GraphApiTransport } from './graph-api.transport.js';
import type { GraphHosts } from './graph-hosts.js';
import { checkToken, type TokenCheck } from './token-check.js';
import { debugToken, type TokenDebug } from './token-debug.js';

export interface ConnectCallsDeps {
  /** A transport with the connect's deadline: every call below shares it. */
  transport: GraphApiTransport;
  paging: Omit<PagingDeps, 'transport' | 'urls'>;
  hosts: GraphHosts;
}

/**
 * The calls that connect an account — discovery, token check, `/debug_token` — made while a
 * user waits: they share one deadline, so Instagram failing answers within it, as an error.
 */
export class ConnectCalls {
  constructor(private readonly deps: ConnectCallsDeps) {}

  /** Whether `accessToken` reads the account `igUserId`. */
  checkToken(igUserId: string, accessToken: string): Promise<TokenCheck> {
    const account = { igUserId, accessToken };
    const params = { fields: 'id,username' };
    return checkToken(
      this.deps.transport,
      this.deps.hosts.call(account, `/${igUserId}`, params, 'account', 'token_check'),
    );
  }

  /**
   * The Instagram accounts a Facebook-Login token reaches: those linked to the Pages on
   * `/me/accounts` (reference §1, "Account discovery"). Failures are thrown as GraphApiErrors.
   */
  listPageAccounts(accessToken: string): Promise<string[]> {
    const account = { igUserId: '', accessToken, loginType: 'FACEBOOK' as const };
    const params = { fields: 'instagram_business_account', limit: '100' };
    const call = this.deps.hosts.call(
      account,
      '/me/accounts',
      params,
      'account',
      'account_discovery',
    );
    const deps = {
      ...this.deps.paging,
      transport: this.deps.transport,
      urls: this.deps.hosts.facebook,
    };
    return collectPageAccounts(paginate(deps, call));
  }

  /**
   * The account of an Instagram-Login token, from `/me` on the Instagram host; null when it
   * names none. Failures are thrown as GraphApiErrors.
   */
  getInstagramLoginUser(accessToken: string): Promise<InstagramLoginUser | null> {
    const account = { igUserId: '', accessToken, loginType: 'INSTAGRAM' as const };
    const params = { fields: 'user_id,username' };
    return readInstagramLoginUser(
      this.deps.transport,
      this.deps.hosts.call(account, '/me', params, 'account', 'me'),
    );
  }

  /** What `/debug_token` reports on `accessToken`: validity, scopes, expiries (Facebook Login). */
  debugToken(igUserId: string, accessToken: string): Promise<TokenDebug> {
    const account = { igUserId, accessToken };
    return debugToken(
      this.deps.transport,
      this.deps.hosts.call(
        account,
        '/debug_token',
        { input_token: accessToken },
        'account',
        'debug_token',
      ),
    );
  }
}
