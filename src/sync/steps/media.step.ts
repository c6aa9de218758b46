import type { IgMedia } from '../../instagram/index.js';
import type { StepContext, StepCounts, SyncStep } from '../step.contract.js';
import { isWholeThread, itemsIn, needsCommentRead, rowsOfCommentPage } from './comment-threads.js';
import { parseGraphTime, toMediaUpsert } from './graph-records.js';
import type { StepDeps } from './step-deps.js';
import { StepTally } from './step-tally.js';

/** The media edge lists only the 10,000 most recent media; a listing that long may be cut. */
const VISIBLE_MEDIA_LIMIT = 10_000;

/**
 * Step 2: pages the account's media newest first (100 a page) down to the window start, and
 * upserts each page in one transaction. Each media page also brings every media's first
 * comments page (50, with first reply pages) by field expansion: a due media (see
 * `needsCommentRead`) whose whole thread fits in it has its comments stored here, so the
 * comments step calls Instagram only for threads that overflow. Media insights are not
 * expanded: one pre-conversion media would fail the whole page, and Reels need other metrics.
 * After a pass that reached the window start, media of the window it did not see are marked
 * deleted (by `last_seen_at`).
 */
export class MediaStep implements SyncStep {
  readonly name = 'media' as const;

  constructor(private readonly deps: StepDeps) {}

  async run(context: StepContext): Promise<StepCounts> {
    const { graph, repos, options } = this.deps;
    const { account, window } = context;
    const tally = new StepTally();
    const staleBefore = new Date(options.now().getTime() - options.commentStalenessMs);
    const expand = options.expandedComments > 0;
    const pages = graph.listMedia(account, {
      // Instagram filters on creation time too; the check below does not rely on it.
      since: window.start,
      pageSize: options.mediaPageSize,
      withComments: expand ? { limit: options.expandedComments, replies: true } : undefined,
    });
    let listed = 0;
    let reachedStart = false;
    for await (const page of pages) {
      listed += page.data.length;
      const inWindow = page.data.filter((m) => parseGraphTime(m.timestamp) >= window.start);
      reachedStart = inWindow.length < page.data.length;
      tally.add(await this.storePage(context, inWindow, expand ? staleBefore : null));
      await tally.checkpoint(context);
      if (reachedStart) break;
    }
    if (reachedStart || listed < VISIBLE_MEDIA_LIMIT) {
      const marked = await repos.media.markUnseenAsDeleted({
        igUserId: account.igUserId,
        windowStart: window.start,
        seenAt: context.attemptStartedAt,
        deletedAt: options.now(),
      });
      tally.add({ written: marked });
      await tally.checkpoint(context);
    } else {
      context.logger.warn(
        { listed },
        'media listing ended at Instagram’s horizon; deletions not marked',
      );
    }
    return tally.counts;
  }

  /** One page: media, and the whole threads of due media, in one transaction. */
  private async storePage(
    context: StepContext,
    media: IgMedia[],
    staleBefore: Date | null,
  ): Promise<Partial<StepCounts>> {
    if (media.length === 0) return {};
    const { repos, options } = this.deps;
    const igUserId = context.account.igUserId;
    const seenAt = context.attemptStartedAt;
    const threads = staleBefore ? await this.wholeDueThreads(media, staleBefore) : [];
    const comments = threads.flatMap(
      (m) => rowsOfCommentPage({ igUserId, mediaId: m.id }, m.comments?.data ?? []).rows,
    );
    const read = media.reduce((sum, m) => sum + 1 + itemsIn(m.comments), 0);
    const now = options.now();
    const written = await repos.inTransaction(async (tx) => {
      const rows = media.map((m) => toMediaUpsert(igUserId, m));
      let n = await repos.media.upsertMany(rows, seenAt, tx);
      n += await repos.comments.upsertMany(comments, seenAt, tx);
      for (const m of threads) {
        n += await repos.comments.markUnseenAsDeleted(
          { mediaId: m.id, seenAt, deletedAt: now },
          tx,
        );
      }
      const reads = threads.map((m) => ({
        mediaId: m.id,
        commentsCount: m.comments_count ?? null,
      }));
      await repos.media.markCommentsSynced(reads, now, tx);
      return n;
    });
    return { read, written };
  }

  /** Media of the page whose comments are due and came whole in the expansion. */
  private async wholeDueThreads(media: IgMedia[], staleBefore: Date): Promise<IgMedia[]> {
    const stored = await this.deps.repos.media.findByIds(media.map((m) => m.id));
    const byId = new Map(stored.map((record) => [record.id, record]));
    return media.filter(
      (m) =>
        isWholeThread(m.comments, m.comments_count ?? null) &&
        needsCommentRead(byId.get(m.id), m.comments_count ?? null, staleBefore),
    );
  }
}
