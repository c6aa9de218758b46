/**
 * Builds the deterministic data set: same seed, sizes and clock → the same accounts,
 * tokens, media, comments and insights. Account 0 (when it has ≥ 10 media) always holds
 * the edge cases tests need, at fixed newest-first positions:
 * 1 = a 2,200-character caption, 2 = 300+ comments (and a 30-reply thread),
 * 3 = no comments, 4 = a carousel, 5 = a reel, 6 = a photo.
 */
import { planComments } from './comments.generator.js';
import type { FakeAccount } from './fake-graph-api.types.js';
import { accountId, appScopedId } from './fake-ids.js';
import { DAY_MS, fromGraphTime, toGraphTime } from './graph-time.js';
import { accountName, biography, username } from './korean-text.generator.js';
import { draftMedia, type MediaShape } from './media.generator.js';
import { FakeStore } from './fake-store.js';
import { SeededRandom } from './seeded-random.js';

export interface DatasetSize {
  seed: number;
  accounts: number;
  media: number;
  comments: number;
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TOKEN_LIFETIME_MS = 60 * DAY_MS;

/** A long-lived user token; `version` > 0 for rotated ones. */
export function makeToken(seed: number, accountIndex: number, version: number): string {
  return `EAAG${new SeededRandom(seed, 6, accountIndex, version).chars(BASE62, 150)}`;
}

interface Forced {
  captionLength?: number;
  shape?: MediaShape;
  comments?: 'many' | 'none';
}

function forcedFor(accountIndex: number, mediaCount: number, position: number): Forced {
  if (accountIndex !== 0 || mediaCount < 10) return {};
  const table: Record<number, Forced> = {
    1: { captionLength: 2200 },
    2: { comments: 'many' },
    3: { comments: 'none' },
    4: { shape: 'CAROUSEL_ALBUM' },
    5: { shape: 'REELS' },
    6: { shape: 'IMAGE' },
  };
  return table[position] ?? {};
}

/**
 * `count` distinct whole-second times over the last ~24 months, newest first: denser in
 * recent months like an active account, and the newest within the last two days.
 */
function mediaTimes(rng: SeededRandom, count: number, nowMs: number): number[] {
  const seconds = new Set<number>();
  if (count > 0) seconds.add(Math.floor((nowMs - 600_000 - rng.next() * 2 * DAY_MS) / 1000));
  while (seconds.size < count) {
    seconds.add(Math.floor((nowMs - 600_000 - rng.next() ** 1.5 * 728 * DAY_MS) / 1000));
  }
  return [...seconds].sort((a, b) => b - a).map((s) => s * 1000);
}

function newAccount(
  store: FakeStore,
  size: DatasetSize,
  index: number,
  nowMs: number,
): FakeAccount {
  const rng = new SeededRandom(size.seed, 1, index);
  const handle = `${username(rng)}_${index}`.replace('.', '_');
  const convertedAtMs = index % 4 === 3 ? nowMs - 600 * DAY_MS : undefined;
  const account: FakeAccount = {
    igUserId: accountId(store.tag, index),
    accessToken: makeToken(size.seed, index, 0),
    index,
    appScopedId: appScopedId(store.tag, index),
    ...(convertedAtMs ? { convertedAt: toGraphTime(convertedAtMs) } : {}),
    media: [],
    profile: {
      id: accountId(store.tag, index),
      ig_id: 1_000_000 + rng.int(0, 8_999_999),
      username: handle,
      name: accountName(rng, index),
      biography: biography(rng),
      website: `https://linktr.ee/${handle}`,
      followers_count: Math.round(10 ** (2.2 + rng.next() * 3.2)),
      follows_count: rng.int(50, 2000),
      media_count: 0,
      profile_picture_url: `https://scontent.cdninstagram.com/v/t51.2885-19/${rng.int(1e8, 9e8)}_n.jpg?_nc_cat=1&ccb=1-7&_nc_sid=7d201b&oe=${rng.chars('0123456789ABCDEF', 8)}`,
    },
  };
  const issuedAtMs = nowMs - 10 * DAY_MS;
  store.registerAccount(account, {
    token: account.accessToken,
    account,
    status: 'valid',
    issuedAtMs,
    expiresAtMs: issuedAtMs + TOKEN_LIFETIME_MS,
  });
  return account;
}

function fillMedia(store: FakeStore, size: DatasetSize, account: FakeAccount, nowMs: number): void {
  const rng = new SeededRandom(size.seed, 7, account.index);
  const varied = Math.round(size.media * (0.8 + 0.4 * rng.next()));
  const count = account.index === 0 ? size.media : varied;
  const times = mediaTimes(rng, count, nowMs);
  const convertedMs = account.convertedAt ? fromGraphTime(account.convertedAt) : 0;
  // Oldest first, so a newer media always gets a larger serial (and id).
  for (let position = count - 1; position >= 0; position -= 1) {
    const timestampMs = times[position] ?? nowMs;
    const forced = forcedFor(account.index, count, position);
    const serial = store.allocateSerial();
    const draft = draftMedia({
      seed: size.seed,
      tag: store.tag,
      serial,
      ownerId: account.igUserId,
      timestampMs,
      preConversion: timestampMs < convertedMs,
      ...(forced.captionLength ? { captionLength: forced.captionLength } : {}),
      ...(forced.shape ? { shape: forced.shape } : {}),
      allocateSerial: () => store.allocateSerial(),
    });
    const average = forced.comments === 'none' ? 0 : size.comments;
    const plan = planComments(size.seed, serial, average, forced.comments === 'many');
    store.registerMedia(account, draft, serial, plan, true);
  }
  account.profile.media_count = count;
}

/** Generates the whole data set; comments stay lazy until first read. */
export function generateDataset(size: DatasetSize, now: () => Date): FakeStore {
  const nowMs = Math.floor(now().getTime() / 1000) * 1000;
  const store = new FakeStore(
    { seed: size.seed, averageComments: size.comments, createdAtMs: nowMs },
    now,
  );
  for (let index = 0; index < size.accounts; index += 1) {
    const account = newAccount(store, size, index, nowMs);
    fillMedia(store, size, account, nowMs);
  }
  return store;
}
