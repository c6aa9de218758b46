import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type ModelStatic,
  type Sequelize,
} from 'sequelize';

/** A row of `ig_media`. `children` is the carousel's children as JSON text. */
export class IgMediaModel extends Model<
  InferAttributes<IgMediaModel>,
  InferCreationAttributes<IgMediaModel>
> {
  declare id: string;
  declare igUserId: string;
  declare caption: string | null;
  declare mediaType: string;
  declare mediaProductType: string | null;
  declare mediaUrl: string | null;
  declare thumbnailUrl: string | null;
  declare permalink: string | null;
  declare shortcode: string | null;
  declare timestamp: Date;
  declare likeCount: number | null;
  declare commentsCount: number | null;
  declare isCommentEnabled: boolean | null;
  declare children: string | null;
  declare commentsSyncedAt: CreationOptional<Date | null>;
  declare commentsSyncedCount: CreationOptional<number | null>;
  declare insightsFetchedAt: CreationOptional<Date | null>;
  declare deletedAt: Date | null;
  declare lastSeenAt: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `ig_media` model class to `sequelize`. */
export function defineIgMediaModel(sequelize: Sequelize): ModelStatic<IgMediaModel> {
  class IgMedia extends IgMediaModel {}
  IgMedia.init(
    {
      id: { type: DataTypes.STRING(32), primaryKey: true },
      igUserId: { type: DataTypes.STRING(32), allowNull: false },
      caption: DataTypes.TEXT,
      mediaType: { type: DataTypes.STRING(32), allowNull: false },
      mediaProductType: DataTypes.STRING(32),
      mediaUrl: DataTypes.TEXT,
      thumbnailUrl: DataTypes.TEXT,
      permalink: DataTypes.TEXT,
      shortcode: DataTypes.STRING(64),
      timestamp: { type: DataTypes.DATE(3), allowNull: false },
      likeCount: DataTypes.INTEGER,
      commentsCount: DataTypes.INTEGER,
      isCommentEnabled: DataTypes.BOOLEAN,
      children: DataTypes.TEXT,
      commentsSyncedAt: DataTypes.DATE(3),
      commentsSyncedCount: DataTypes.INTEGER,
      insightsFetchedAt: DataTypes.DATE(3),
      deletedAt: DataTypes.DATE(3),
      lastSeenAt: { type: DataTypes.DATE(3), allowNull: false },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, modelName: 'IgMedia', tableName: 'ig_media', underscored: true },
  );
  return IgMedia;
}
