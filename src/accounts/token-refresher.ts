import type {
  IgAccountRecord,
  IgAccountRepository,
} from '../db/repositories/ig-account.repository.js';
import { AppError } from '../errors/app.error.js';
import type { GraphApiClient } from '../instagram/graph-api.client.js';
import { isGraphApiError } from '../instagram/graph-api.error.js';
import { decryptToken, encryptToken, type TokenKeyring } from './token-crypto.js';
import { EXPIRING_WITHIN_MS } from './token-status.js';

/**
 * How long before expiry the recurring check refreshes an Instagram-Login token: half of its
 * 60 days, so a daily check has weeks of retries, and the token is long past the 24 hours
 * Instagram requires before a refresh.
 */
export const REFRESH_AHEAD_MS = 30 * 24 * 60 * 60 * 1000;

/** What one recurring check did, by userNo. */
export interface TokenCheckReport {
  refreshed: number[];
  failed: { userNo: number; message: string }[];
  /** Facebook-Login accounts whose token or data access lapses soon: the user must log in. */
  expiringFacebook: number[];
}

/**
 * Keeps Instagram-Login tokens alive: `refresh_access_token` gives a new 60-day token, stored
 * encrypted like at connect. Facebook-Login tokens cannot be refreshed without the user, so
 * they are only reported when close to expiry.
 */
export class TokenRefresher {
  constructor(
    private readonly repository: IgAccountRepository,
    private readonly graph: GraphApiClient,
    private readonly keys: TokenKeyring,
    private readonly now: () => number = Date.now,
  ) {}

  /** Refreshes the token of `userNo` now; a token Instagram refuses marks the account invalid. */
  async refresh(userNo: number): Promise<IgAccountRecord> {
    const account = await this.repository.findByUserNo(userNo);
    const credentials = await this.repository.findCredentials(userNo);
    if (!account || !credentials) {
      throw new AppError('NOT_FOUND', `userNo ${userNo} has no connected account`, 'userNo');
    }
    if (account.loginType !== 'INSTAGRAM') {
      throw new AppError(
        'BAD_USER_INPUT',
        `userNo ${userNo} is connected with Facebook Login, whose tokens only a new login renews; connect it again with a fresh token`,
        'userNo',
      );
    }
    if (account.status !== 'active') {
      throw new AppError(
        'BAD_USER_INPUT',
        `userNo ${userNo} has no working token (${account.status}); connect it again`,
        'userNo',
      );
    }
    const { igUserId, accessTokenCiphertext: from } = credentials;
    const accessToken = decryptToken(from, this.keys, igUserId);
    const refreshed = await this.graph
      .refreshInstagramToken({ igUserId, accessToken })
      .catch(async (error: unknown) => {
        if (!isGraphApiError(error, 'auth')) throw error;
        await this.repository.setStatus(userNo, 'token_invalid');
        throw new AppError(
          'BAD_USER_INPUT',
          `Instagram refused the token of userNo ${userNo} (code ${error.code}); connect it again`,
          'userNo',
        );
      });
    const ciphertext = encryptToken(refreshed.accessToken, this.keys, igUserId);
    // Only over the token we refreshed: a reconnection meanwhile stored a newer one.
    if (!(await this.repository.updateToken(userNo, ciphertext, refreshed.expiresAt, { from }))) {
      throw new AppError('CONFLICT', `userNo ${userNo} was reconnected meanwhile`, 'userNo');
    }
    return (await this.repository.findByUserNo(userNo)) ?? account;
  }

  /** The recurring check: refresh what expires within REFRESH_AHEAD_MS, report the rest. */
  async refreshDue(): Promise<TokenCheckReport> {
    const report: TokenCheckReport = { refreshed: [], failed: [], expiringFacebook: [] };
    const due = await this.repository.listRefreshable(new Date(this.now() + REFRESH_AHEAD_MS));
    for (const { userNo } of due) {
      try {
        await this.refresh(userNo);
        report.refreshed.push(userNo);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        report.failed.push({ userNo, message });
      }
    }
    const soon = new Date(this.now() + EXPIRING_WITHIN_MS);
    const expiring = await this.repository.listExpiringFacebook(soon);
    report.expiringFacebook = expiring.map((a) => a.userNo);
    return report;
  }
}
