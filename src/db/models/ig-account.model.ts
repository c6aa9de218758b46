import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type ModelStatic,
  type Sequelize,
} from 'sequelize';

/** Lifecycle of a connected account: only `active` accounts are synced. */
export type IgAccountStatus = 'active' | 'disconnected' | 'token_invalid';

/** How the token was obtained: Facebook Login (graph.facebook.com) or Instagram Login. */
export type IgLoginType = 'FACEBOOK' | 'INSTAGRAM';

/** A row of `ig_accounts`. */
export class IgAccountModel extends Model<
  InferAttributes<IgAccountModel>,
  InferCreationAttributes<IgAccountModel>
> {
  declare userNo: number;
  declare igUserId: string;
  declare username: string | null;
  declare accessTokenCiphertext: string;
  declare tokenExpiresAt: Date | null;
  declare loginType: CreationOptional<IgLoginType>;
  declare dataAccessExpiresAt: CreationOptional<Date | null>;
  /** JSON list of the granted scopes; null when not known. */
  declare tokenScopes: CreationOptional<string | null>;
  declare status: IgAccountStatus;
  declare connectedAt: Date;
  declare lastSyncedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `ig_accounts` model class to `sequelize`. */
export function defineIgAccountModel(sequelize: Sequelize): ModelStatic<IgAccountModel> {
  class IgAccount extends IgAccountModel {}
  IgAccount.init(
    {
      userNo: { type: DataTypes.INTEGER, primaryKey: true },
      igUserId: { type: DataTypes.STRING(32), allowNull: false },
      username: DataTypes.STRING(100),
      accessTokenCiphertext: { type: DataTypes.TEXT, allowNull: false },
      tokenExpiresAt: DataTypes.DATE(3),
      loginType: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'FACEBOOK' },
      dataAccessExpiresAt: DataTypes.DATE(3),
      tokenScopes: DataTypes.TEXT,
      status: { type: DataTypes.STRING(16), allowNull: false },
      connectedAt: { type: DataTypes.DATE(3), allowNull: false },
      lastSyncedAt: DataTypes.DATE(3),
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, modelName: 'IgAccount', tableName: 'ig_accounts', underscored: true },
  );
  return IgAccount;
}
