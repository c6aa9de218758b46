import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type ModelStatic,
  type Sequelize,
} from 'sequelize';

/** A row of `ig_profile_snapshots`: the counts of one account on one day. */
export class IgProfileSnapshotModel extends Model<
  InferAttributes<IgProfileSnapshotModel>,
  InferCreationAttributes<IgProfileSnapshotModel>
> {
  declare igUserId: string;
  declare day: string;
  declare followersCount: number | null;
  declare followsCount: number | null;
  declare mediaCount: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `ig_profile_snapshots` model class to `sequelize`. */
export function defineIgProfileSnapshotModel(
  sequelize: Sequelize,
): ModelStatic<IgProfileSnapshotModel> {
  class IgProfileSnapshot extends IgProfileSnapshotModel {}
  IgProfileSnapshot.init(
    {
      igUserId: { type: DataTypes.STRING(32), primaryKey: true },
      day: { type: DataTypes.DATEONLY, primaryKey: true },
      followersCount: DataTypes.INTEGER,
      followsCount: DataTypes.INTEGER,
      mediaCount: DataTypes.INTEGER,
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    {
      sequelize,
      modelName: 'IgProfileSnapshot',
      tableName: 'ig_profile_snapshots',
      underscored: true,
    },
  );
  return IgProfileSnapshot;
}
