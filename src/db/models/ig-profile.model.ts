import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type ModelStatic,
  type Sequelize,
} from 'sequelize';

/** A row of `ig_profiles`: the latest IG User node of one account. */
export class IgProfileModel extends Model<
  InferAttributes<IgProfileModel>,
  InferCreationAttributes<IgProfileModel>
> {
  declare igUserId: string;
  declare igId: string | null;
  declare username: string | null;
  declare name: string | null;
  declare biography: string | null;
  declare website: string | null;
  declare followersCount: number | null;
  declare followsCount: number | null;
  declare mediaCount: number | null;
  declare profilePictureUrl: string | null;
  declare fetchedAt: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `ig_profiles` model class to `sequelize`. */
export function defineIgProfileModel(sequelize: Sequelize): ModelStatic<IgProfileModel> {
  class IgProfile extends IgProfileModel {}
  IgProfile.init(
    {
      igUserId: { type: DataTypes.STRING(32), primaryKey: true },
      igId: DataTypes.STRING(32),
      username: DataTypes.STRING(100),
      name: DataTypes.STRING(255),
      biography: DataTypes.TEXT,
      website: DataTypes.TEXT,
      followersCount: DataTypes.INTEGER,
      followsCount: DataTypes.INTEGER,
      mediaCount: DataTypes.INTEGER,
      profilePictureUrl: DataTypes.TEXT,
      fetchedAt: { type: DataTypes.DATE(3), allowNull: false },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, modelName: 'IgProfile', tableName: 'ig_profiles', underscored: true },
  );
  return IgProfile;
}
