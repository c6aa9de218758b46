import type {
  IgAccountRecord,
  IgAccountRepository,
} from '../db/repositories/ig-account.repository.js';
import type { GraphApiClient } from '../instagram/graph-api.client.js';
import { decryptToken, encryptToken, type TokenKeyring } from './token-crypto.js';
import type { SyncAccount } from '../sync/step.contract.js';
import type { AccountDirectory } from '../runs/account-directory.js';
import { AppError } from '../errors/app.error.js';
import type { TokenDebug } from '../instagram/token-debug.js';
import { missingScopes } from './token-scopes.js';

export interface ConnectInput {
  userNo: number;
  igUserId: string;
  accessToken: string;
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

  async connect(input: ConnectInput): Promise<IgAccountRecord> {
    if (!Number.isSafeInteger(input.userNo) || input.userNo < 1) {
      throw new AppError(
        'BAD_USER_INPUT',
        `userNo must be a positive whole number; got ${input.userNo}`,
        'userNo',
      );
    }
    if (!/^\d{1,32}$/.test(input.igUserId)) {
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
    const existing = await this.repository.findByUserNo(input.userNo);
    if (existing && existing.igUserId !== input.igUserId && !input.mayRebind) {
      throw new AppError(
        'CONFLICT',
        `userNo ${input.userNo} is connected to another Instagram account; disconnect it first (or ask an admin)`,
        'igUserId',
      );
    }
    const check = await this.graph.checkToken(input.igUserId, input.accessToken);
    if (!check.ok) throw new AppError('BAD_USER_INPUT', check.message, 'accessToken');
    const grants = await this.assertGrants(input.igUserId, input.accessToken);
    return this.repository.upsertOnConnect({
      userNo: input.userNo,
      igUserId: input.igUserId,
      username: check.profile.username || null,
      accessTokenCiphertext: encryptToken(input.accessToken, this.keys, input.igUserId),
      tokenExpiresAt: grants.expiresAt,
      dataAccessExpiresAt: grants.dataAccessExpiresAt,
      scopes: grants.scopes,
      connectedAt: new Date(),
    });
  }

  /**
   * The token's scopes and expiries from `/debug_token` (Facebook Login); refuses a token
   * that lacks a scope the sync needs, naming every missing one, before anything is stored.
   */
  private async assertGrants(igUserId: string, accessToken: string): Promise<TokenDebug> {
    const debug = await this.graph.debugToken(igUserId, accessToken);
    if (!debug.valid) {
      throw new AppError(
        'BAD_USER_INPUT',
        'The access token is invalid or expired.',
        'accessToken',
      );
    }
    const missing = missingScopes('FACEBOOK', debug.scopes);
    if (missing.length > 0) {
      throw new AppError(
        'BAD_USER_INPUT',
        `The access token lacks the permission${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; grant ${missing.length > 1 ? 'them' : 'it'} when logging in, then connect again.`,
        'accessToken',
      );
    }
    return debug;
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
