import type {
  IgAccountRecord,
  IgAccountRepository,
  IgLoginType,
} from '../db/repositories/ig-account.repository.js';
import type { GraphApiClient } from '../instagram/graph-api.client.js';
import { decryptToken, encryptToken, type TokenKeyring } from './token-crypto.js';
import type { SyncAccount } from '../sync/step.contract.js';
import type { AccountDirectory } from '../runs/account-directory.js';
import { AppError } from '../errors/app.error.js';
import { identifyAccount } from './account-identification.js';
import { isGraphApiError } from '../instagram/graph-api.error.js';

/**
 * How long connecting may spend with Instagram, all its calls together: the GraphQL answer
 * comes within 10 s, with room for the database work around it.
 */
export const CONNECT_GRAPH_BUDGET_MS = 8_000;

export interface ConnectInput {
  userNo: number;
  /** Optional: discovered from the token when absent (refused when it reaches several). */
  igUserId?: string | null;
  accessToken: string;
  /** How the token was obtained; default Facebook Login. */
  loginType?: IgLoginType | null;
  /** An admin may bind a userNo that holds another Instagram account to a new one. */
  mayRebind?: boolean;
}

/**
 * Connected accounts: connecting checks the token with Instagram and stores it encrypted;
 * the run machinery reads accounts with their token decrypted, in memory only.
 */
export class ConnectedAccounts implements AccountDirectory {
  constructor(
    private readonly repository: IgAccountRepository,
    private readonly graph: GraphApiClient,
    private readonly keys: TokenKeyring,
    /** Deletes every synced row of an Instagram account. */
    private readonly purge: (igUserId: string) => Promise<void>,
  ) {}

  /** The token's account, or INSTAGRAM_UNAVAILABLE when Instagram kept failing in the budget. */
  private async identify(loginType: IgLoginType, accessToken: string, named: string | null) {
    try {
      const calls = this.graph.forConnect(CONNECT_GRAPH_BUDGET_MS);
      return await identifyAccount(calls, loginType, accessToken, named);
    } catch (error) {
      if (!isGraphApiError(error) || !error.retryable) throw error;
      const why =
        error.kind === 'throttled' ? 'is rate limiting this app or account' : 'did not answer';
      throw new AppError(
        'INSTAGRAM_UNAVAILABLE',
        `Instagram ${why} within ${CONNECT_GRAPH_BUDGET_MS / 1000} s while checking the access token; nothing was stored, try again in a minute.`,
        'accessToken',
      );
    }
  }

  async connect(input: ConnectInput): Promise<IgAccountRecord> {
    if (!Number.isSafeInteger(input.userNo) || input.userNo < 1) {
      throw new AppError(
        'BAD_USER_INPUT',
        `userNo must be a positive whole number; got ${input.userNo}`,
        'userNo',
      );
    }
    const named = input.igUserId ?? null;
    if (named !== null && !/^\d{1,32}$/.test(named)) {
      throw new AppError(
        'BAD_USER_INPUT',
        'igUserId must be the numeric Instagram user id (1 to 32 digits)',
        'igUserId',
      );
    }
    if (input.accessToken.trim().length < 10 || input.accessToken.length > 2048) {
      throw new AppError(
        'BAD_USER_INPUT',
        'accessToken must be an Instagram access token (10 to 2048 characters)',
        'accessToken',
      );
    }
    const loginType = input.loginType ?? 'FACEBOOK';
    const existing = await this.repository.findByUserNo(input.userNo);
    if (existing && named !== null && existing.igUserId !== named && !input.mayRebind) {
      throw this.rebindRefusal(input.userNo);
    }
    const found = await this.identify(loginType, input.accessToken, named);
    if (existing && existing.igUserId !== found.igUserId && !input.mayRebind) {
      throw this.rebindRefusal(input.userNo);
    }
    return this.repository.upsertOnConnect({
      userNo: input.userNo,
      igUserId: found.igUserId,
      username: found.username,
      loginType,
      accessTokenCiphertext: encryptToken(input.accessToken, this.keys, found.igUserId),
      tokenExpiresAt: found.grants.expiresAt,
      dataAccessExpiresAt: found.grants.dataAccessExpiresAt,
      scopes: found.grants.scopes,
      connectedAt: new Date(),
    });
  }

  private rebindRefusal(userNo: number): AppError {
    return new AppError(
      'CONFLICT',
      `userNo ${userNo} is connected to another Instagram account; disconnect it first (or ask an admin)`,
      'igUserId',
    );
  }

  /** Deletes the token; the synced rows stay unless `purgeData`. Returns the account. */
  async disconnect(userNo: number, purgeData: boolean): Promise<IgAccountRecord> {
    const account = await this.repository.findByUserNo(userNo);
    if (!account)
      throw new AppError('NOT_FOUND', `userNo ${userNo} has no connected account`, 'userNo');
    await this.repository.disconnect(userNo);
    if (purgeData) await this.purge(account.igUserId);
    return { ...account, status: 'disconnected', tokenExpiresAt: null, dataAccessExpiresAt: null };
  }

  async targets(userNo: number | null): Promise<SyncAccount[]> {
    const records =
      userNo === null
        ? await this.repository.listActive()
        : [await this.repository.findByUserNo(userNo)];
    const accounts = await Promise.all(
      records.filter((r) => r?.status === 'active').map((r) => this.find(r!.userNo)),
    );
    return accounts.filter((a): a is SyncAccount => a !== null);
  }

  async find(userNo: number): Promise<SyncAccount | null> {
    const credentials = await this.repository.findCredentials(userNo);
    if (!credentials || credentials.status !== 'active') return null;
    return {
      userNo,
      igUserId: credentials.igUserId,
      loginType: credentials.loginType,
      // The igUserId is the additional data: a value copied from another row does not decrypt.
      accessToken: decryptToken(credentials.accessTokenCiphertext, this.keys, credentials.igUserId),
    };
  }

  async statusOf(userNo: number): Promise<string | null> {
    return (await this.repository.findByUserNo(userNo))?.status ?? null;
  }

  async markTokenInvalid(userNo: number): Promise<void> {
    await this.repository.setStatus(userNo, 'token_invalid');
  }

  async markSynced(userNo: number, at: Date): Promise<void> {
    await this.repository.markSynced(userNo, at);
  }
}
