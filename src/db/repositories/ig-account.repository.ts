import { Op, type ModelStatic, type WhereOptions } from 'sequelize';
import type { DbModels } from '../models/define-models.js';
import type { IgAccountModel, IgAccountStatus, IgLoginType } from '../models/ig-account.model.js';
import type { Page } from './keyset-cursor.js';
import type { QueryOptions } from './query-options.js';

export type { IgAccountStatus, IgLoginType } from '../models/ig-account.model.js';

/** A connected account as the rest of the service sees it: never carries the token. */
export interface IgAccountRecord {
  userNo: number;
  igUserId: string;
  username: string | null;
  status: IgAccountStatus;
  loginType: IgLoginType;
  tokenExpiresAt: Date | null;
  /** Facebook Login: when the token stops returning data, separate from its expiry. */
  dataAccessExpiresAt: Date | null;
  /** Granted scopes as the Graph API reported them at connect; empty when not known. */
  scopes: string[];
  connectedAt: Date;
  lastSyncedAt: Date | null;
}

/** What a sync needs to call Instagram for one account: the token still encrypted. */
export interface IgAccountCredentials {
  userNo: number;
  igUserId: string;
  status: IgAccountStatus;
  accessTokenCiphertext: string;
  tokenExpiresAt: Date | null;
  loginType: IgLoginType;
}

/** A (re)connection of `userNo` to an Instagram account, with the token already encrypted. */
export interface IgAccountConnection {
  userNo: number;
  igUserId: string;
  username: string | null;
  /** Default Facebook Login. */
  loginType?: IgLoginType;
  accessTokenCiphertext: string;
  tokenExpiresAt: Date | null;
  dataAccessExpiresAt?: Date | null;
  scopes?: readonly string[] | null;
  connectedAt: Date;
}

/** Connected accounts (`ig_accounts`), keyed by the service's user number. */
export class IgAccountRepository {
  private readonly accounts: ModelStatic<IgAccountModel>;

  constructor(models: DbModels) {
    this.accounts = models.IgAccount;
  }

  /**
   * Connects `userNo` (or reconnects it, replacing account, token and expiry) and makes it
   * `active`. `lastSyncedAt` is kept across reconnections.
   */
  async upsertOnConnect(
    connection: IgAccountConnection,
    options: QueryOptions = {},
  ): Promise<IgAccountRecord> {
    const { scopes, dataAccessExpiresAt, loginType, ...rest } = connection;
    const row = {
      ...rest,
      // A reconnection replaces the flavour too: the new token decides the host.
      loginType: loginType ?? ('FACEBOOK' as const),
      dataAccessExpiresAt: dataAccessExpiresAt ?? null,
      tokenScopes: scopes ? JSON.stringify(scopes) : null,
      status: 'active' as const,
    };
    await this.accounts.bulkCreate([row], {
      updateOnDuplicate: [
        'igUserId',
        'username',
        'loginType',
        'accessTokenCiphertext',
        'tokenExpiresAt',
        'dataAccessExpiresAt',
        'tokenScopes',
        'status',
        'connectedAt',
        'updatedAt',
      ],
      conflictAttributes: ['userNo'],
      transaction: options.transaction,
    });
    const stored = await this.findByUserNo(connection.userNo, options);
    if (!stored) throw new Error(`account ${connection.userNo} vanished right after its upsert`);
    return stored;
  }

  /** The account of `userNo`, or null when it never connected. */
  async findByUserNo(userNo: number, options: QueryOptions = {}): Promise<IgAccountRecord | null> {
    const row = await this.accounts.findByPk(userNo, { transaction: options.transaction });
    return row ? toAccountRecord(row) : null;
  }

  /**
   * Connected accounts in user-number order, `first` of them after `afterUserNo`, in any
   * status; only `userNo` when set.
   */
  async findPage(args: {
    first: number;
    afterUserNo?: number;
    userNo?: number;
  }): Promise<Page<IgAccountRecord>> {
    const userNo: WhereOptions = {};
    if (args.afterUserNo !== undefined) Object.assign(userNo, { [Op.gt]: args.afterUserNo });
    if (args.userNo !== undefined) Object.assign(userNo, { [Op.eq]: args.userNo });
    const rows = await this.accounts.findAll({
      where: Reflect.ownKeys(userNo).length > 0 ? { userNo } : {},
      order: [['userNo', 'ASC']],
      limit: args.first + 1,
    });
    return {
      items: rows.slice(0, args.first).map(toAccountRecord),
      hasNextPage: rows.length > args.first,
    };
  }

  /** Accounts that a sync of "all accounts" covers, by user number. */
  async listActive(): Promise<IgAccountRecord[]> {
    const rows = await this.accounts.findAll({
      where: { status: 'active' },
      order: [['userNo', 'ASC']],
    });
    return rows.map(toAccountRecord);
  }

  /**
   * Active Instagram-Login accounts whose token expires before `before` (or whose expiry is
   * not known), the ones a refresh should renew now.
   */
  async listRefreshable(before: Date): Promise<IgAccountRecord[]> {
    const rows = await this.accounts.findAll({
      where: {
        status: 'active',
        loginType: 'INSTAGRAM',
        [Op.or]: [{ tokenExpiresAt: null }, { tokenExpiresAt: { [Op.lt]: before } }],
      },
      order: [['userNo', 'ASC']],
    });
    return rows.map(toAccountRecord);
  }

  /** Active Facebook-Login accounts whose token or data access lapses before `before`. */
  async listExpiringFacebook(before: Date): Promise<IgAccountRecord[]> {
    const rows = await this.accounts.findAll({
      where: {
        status: 'active',
        loginType: 'FACEBOOK',
        [Op.or]: [
          { tokenExpiresAt: { [Op.lt]: before } },
          { dataAccessExpiresAt: { [Op.lt]: before } },
        ],
      },
      order: [['userNo', 'ASC']],
    });
    return rows.map(toAccountRecord);
  }

  /** The encrypted token of `userNo`, or null when it never connected. */
  async findCredentials(userNo: number): Promise<IgAccountCredentials | null> {
    const row = await this.accounts.findByPk(userNo);
    if (!row) return null;
    const { igUserId, status, accessTokenCiphertext, tokenExpiresAt, loginType } = row;
    return { userNo, igUserId, status, accessTokenCiphertext, tokenExpiresAt, loginType };
  }

  /** Every account that holds a token (any status), for re-encrypting them all. */
  async listStoredTokens(): Promise<IgAccountCredentials[]> {
    const rows = await this.accounts.findAll({
      where: { accessTokenCiphertext: { [Op.ne]: '' } },
      order: [['userNo', 'ASC']],
    });
    return rows.map(
      ({ userNo, igUserId, status, accessTokenCiphertext, tokenExpiresAt, loginType }) => ({
        userNo,
        igUserId,
        status,
        accessTokenCiphertext,
        tokenExpiresAt,
        loginType,
      }),
    );
  }

  /**
   * Replaces the stored ciphertext of `userNo` only if it is still `from`: a reconnection that
   * stored a new token meanwhile wins over a re-encryption of the old one. False when it lost.
   */
  async replaceCiphertext(userNo: number, from: string, to: string): Promise<boolean> {
    const [changed] = await this.accounts.update(
      { accessTokenCiphertext: to },
      { where: { userNo, accessTokenCiphertext: from } },
    );
    return changed > 0;
  }

  /** Sets the status of `userNo`; false when there is no such account. */
  async setStatus(
    userNo: number,
    status: IgAccountStatus,
    options: QueryOptions = {},
  ): Promise<boolean> {
    const [changed] = await this.accounts.update(
      { status },
      { where: { userNo }, transaction: options.transaction },
    );
    return changed > 0;
  }

  /** Forgets the token of `userNo` and marks it disconnected; false when there is no account. */
  async disconnect(userNo: number, options: QueryOptions = {}): Promise<boolean> {
    const [changed] = await this.accounts.update(
      { accessTokenCiphertext: '', status: 'disconnected', tokenExpiresAt: null },
      { where: { userNo }, transaction: options.transaction },
    );
    return changed > 0;
  }

  /**
   * Replaces the token of `userNo` after a refresh; false when there is no such account, or,
   * with `from`, when the stored ciphertext is no longer `from` (a reconnection won).
   */
  async updateToken(
    userNo: number,
    accessTokenCiphertext: string,
    tokenExpiresAt: Date | null,
    options: QueryOptions & { from?: string } = {},
  ): Promise<boolean> {
    const where = options.from ? { userNo, accessTokenCiphertext: options.from } : { userNo };
    const [changed] = await this.accounts.update(
      { accessTokenCiphertext, tokenExpiresAt },
      { where, transaction: options.transaction },
    );
    return changed > 0;
  }

  /** Records that a sync of `userNo` finished at `at`. */
  async markSynced(userNo: number, at: Date, options: QueryOptions = {}): Promise<void> {
    await this.accounts.update(
      { lastSyncedAt: at },
      { where: { userNo }, transaction: options.transaction },
    );
  }
}

function toAccountRecord(row: IgAccountModel): IgAccountRecord {
  return {
    userNo: row.userNo,
    igUserId: row.igUserId,
    username: row.username,
    status: row.status,
    loginType: row.loginType,
    tokenExpiresAt: row.tokenExpiresAt,
    dataAccessExpiresAt: row.dataAccessExpiresAt ?? null,
    scopes: parseScopes(row.tokenScopes ?? null),
    connectedAt: row.connectedAt,
    lastSyncedAt: row.lastSyncedAt ?? null,
  };
}

function parseScopes(stored: string | null): string[] {
  if (!stored) return [];
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
}
