import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type ModelStatic,
  type Sequelize,
} from 'sequelize';

/** A row of `ig_comments`: a top-level comment (`parentId` null) or a reply. */
export class IgCommentModel extends Model<
  InferAttributes<IgCommentModel>,
  InferCreationAttributes<IgCommentModel>
> {
  declare id: string;
  declare mediaId: string;
  declare igUserId: string;
  declare parentId: string | null;
  declare text: string;
  declare username: string | null;
  declare likeCount: number | null;
  declare hidden: boolean;
  declare timestamp: Date;
  declare deletedAt: Date | null;
  declare lastSeenAt: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Binds a fresh `ig_comments` model class to `sequelize`. */
export function defineIgCommentModel(sequelize: Sequelize): ModelStatic<IgCommentModel> {
  class IgComment extends IgCommentModel {}
  IgComment.init(
    {
      id: { type: DataTypes.STRING(32), primaryKey: true },
      mediaId: { type: DataTypes.STRING(32), allowNull: false },
      igUserId: { type: DataTypes.STRING(32), allowNull: false },
      parentId: DataTypes.STRING(32),
      text: { type: DataTypes.TEXT, allowNull: false },
      username: DataTypes.STRING(100),
      likeCount: DataTypes.INTEGER,
      hidden: { type: DataTypes.BOOLEAN, allowNull: false },
      timestamp: { type: DataTypes.DATE(3), allowNull: false },
      deletedAt: DataTypes.DATE(3),
      lastSeenAt: { type: DataTypes.DATE(3), allowNull: false },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, modelName: 'IgComment', tableName: 'ig_comments', underscored: true },
  );
  return IgComment;
}
