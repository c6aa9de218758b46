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
