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
 * A row of `ig_media_insights`: a lifetime value of one media metric. `value` is BIGINT: MySQL
 * hands it back as a string (`bigNumberStrings`), SQLite as a number; repositories convert.
 */
export class IgMediaInsightModel extends Model<
  InferAttributes<IgMediaInsightModel>,
  InferCreationAttributes<IgMediaInsightModel>
> {
  declare mediaId: string;
  declare metric: string;
  declare value: number | string | null;
  declare fetchedAt: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `ig_media_insights` model class to `sequelize`. */
export function defineIgMediaInsightModel(sequelize: Sequelize): ModelStatic<IgMediaInsightModel> {
  class IgMediaInsight extends IgMediaInsightModel {}
  IgMediaInsight.init(
    {
      mediaId: { type: DataTypes.STRING(32), primaryKey: true },
      metric: { type: DataTypes.STRING(64), primaryKey: true },
      value: DataTypes.BIGINT,
      fetchedAt: { type: DataTypes.DATE(3), allowNull: false },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    {
      sequelize,
      modelName: 'IgMediaInsight',
      tableName: 'ig_media_insights',
      underscored: true,
    },
  );
  return IgMediaInsight;
}
