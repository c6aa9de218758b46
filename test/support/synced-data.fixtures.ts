import { defineModels } from '../../src/db/models/define-models.js';
import {
  createRepositories,
  type SyncedDataRepositories,
} from '../../src/db/repositories/create-repositories.js';
import type { CommentUpsert } from '../../src/db/repositories/ig-comment.repository.js';
import type { MediaUpsert } from '../../src/db/repositories/ig-media.repository.js';
import type { Engine } from '../../src/db/connection.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

/** Korean text with 4-byte emoji, a ZWJ family, a flag sequence and a math letter. */
export const KOREAN_EMOJI =
  '오늘의 가족 사진 👨‍👩‍👧 너무 행복해요 🎉🔥 #일상 ❤️‍🔥 🏳️‍🌈 𝕏 마지막 줄\n둘째 줄 😀';

/** A caption at Instagram's 2,200-character limit, mostly emoji and Hangul. */
export const LONGEST_CAPTION = (KOREAN_EMOJI + ' ').repeat(60).slice(0, 2200);

/** Two Instagram ids above 2^53 that differ by one: a double would make them equal. */
export const BIG_IDS = ['17895695668004550', '17895695668004551'] as const;

export interface SyncedDataDb {
  db: TestDatabase;
  repos: SyncedDataRepositories;
}

/** A fresh migrated database on `engine` with the synced-data repositories over it. */
export async function openSyncedDataDb(engine: Engine): Promise<SyncedDataDb> {
  const db = await createTestDatabase(engine);
  return { db, repos: createRepositories(defineModels(db.sequelize)) };
}

/** A media as the media sync would write it. */
export function mediaFixture(
  id: string,
  igUserId: string,
  timestamp: Date,
  overrides: Partial<MediaUpsert> = {},
): MediaUpsert {
  return {
    id,
    igUserId,
    caption: `caption ${id}`,
    mediaType: 'IMAGE',
    mediaProductType: 'FEED',
    mediaUrl: `https://cdn.example/${id}.jpg?oe=1`,
    thumbnailUrl: null,
    permalink: `https://www.instagram.com/p/${id}/`,
    shortcode: `sc${id}`,
    timestamp,
    likeCount: 1,
    commentsCount: 0,
    isCommentEnabled: true,
    children: null,
    ...overrides,
  };
}

/** A comment (or, with `parentId`, a reply) as the comment sync would write it. */
export function commentFixture(
  id: string,
  mediaId: string,
  timestamp: Date,
  overrides: Partial<CommentUpsert> = {},
): CommentUpsert {
  return {
    id,
    mediaId,
    igUserId: '17841400000000001',
    parentId: null,
    text: `comment ${id}`,
    username: 'someone',
    likeCount: 0,
    hidden: false,
    timestamp,
    ...overrides,
  };
}

/** `base` moved by `seconds` (negative: earlier). */
export function secondsFrom(base: Date, seconds: number): Date {
  return new Date(base.getTime() + seconds * 1000);
}
