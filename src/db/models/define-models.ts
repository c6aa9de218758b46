import type { ModelStatic, Sequelize } from 'sequelize';
import { defineIgAccountModel, type IgAccountModel } from './ig-account.model.js';
import { defineIgCommentModel, type IgCommentModel } from './ig-comment.model.js';
import {
  defineIgAccountInsightModel,
  type IgAccountInsightModel,
} from './ig-account-insight.model.js';
import { defineIgMediaInsightModel, type IgMediaInsightModel } from './ig-media-insight.model.js';
import { defineIgMediaModel, type IgMediaModel } from './ig-media.model.js';
import { defineIgProfileModel, type IgProfileModel } from './ig-profile.model.js';
import {
  defineIgProfileSnapshotModel,
  type IgProfileSnapshotModel,
} from './ig-profile-snapshot.model.js';

/** The synced-data models bound to one connection. */
export interface DbModels {
  readonly sequelize: Sequelize;
  readonly IgAccount: ModelStatic<IgAccountModel>;
  readonly IgProfile: ModelStatic<IgProfileModel>;
  readonly IgProfileSnapshot: ModelStatic<IgProfileSnapshotModel>;
  readonly IgMedia: ModelStatic<IgMediaModel>;
  readonly IgComment: ModelStatic<IgCommentModel>;
  readonly IgAccountInsight: ModelStatic<IgAccountInsightModel>;
  readonly IgMediaInsight: ModelStatic<IgMediaInsightModel>;
}

/**
 * Binds the synced-data models to `sequelize`. Each call makes fresh subclasses, so two
 * connections in one process (SQLite and MariaDB in one test file) never rebind each other's
 * models. Tables come from migrations only; `sync()` is never called.
 */
export function defineModels(sequelize: Sequelize): DbModels {
  return {
    sequelize,
    IgAccount: defineIgAccountModel(sequelize),
    IgProfile: defineIgProfileModel(sequelize),
    IgProfileSnapshot: defineIgProfileSnapshotModel(sequelize),
    IgMedia: defineIgMediaModel(sequelize),
    IgComment: defineIgCommentModel(sequelize),
    IgAccountInsight: defineIgAccountInsightModel(sequelize),
    IgMediaInsight: defineIgMediaInsightModel(sequelize),
  };
}
