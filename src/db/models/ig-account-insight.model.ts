import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type ModelStatic,
  type Sequelize,
} from 'sequelize';

/**
 * A row of `ig_account_insights`. `value` is BIGINT: MySQL hands it back as a string
 * (`bigNumberStrings`), SQLite as a number; repositories convert.
 */
export class IgAccountInsightModel extends Model<
  InferAttributes<IgAccountInsightModel>,
  InferCreationAttributes<IgAccountInsightModel>
> {
  declare igUserId: string;
  declare metric: string;
  declare period: string;
  declare day: string;
  declare value: number | string | null;
  declare final: boolean;
  declare fetchedAt: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `ig_account_insights` model class to `sequelize`. */
export function defineIgAccountInsightModel(
  sequelize: Sequelize,
): ModelStatic<IgAccountInsightModel> {
  class IgAccountInsight extends IgAccountInsightModel {}
  IgAccountInsight.init(
    {
      igUserId: { type: DataTypes.STRING(32), primaryKey: true },
      metric: { type: DataTypes.STRING(64), primaryKey: true },
      period: { type: DataTypes.STRING(16), primaryKey: true },
      day: { type: DataTypes.DATEONLY, primaryKey: true },
      value: DataTypes.BIGINT,
      final: { type: DataTypes.BOOLEAN, allowNull: false },
      fetchedAt: { type: DataTypes.DATE(3), allowNull: false },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    {
      sequelize,
      modelName: 'IgAccountInsight',
      tableName: 'ig_account_insights',
      underscored: true,
    },
  );
  return IgAccountInsight;
}
