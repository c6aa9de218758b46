import { isGraphApiError } from '../../instagram/index.js';
import type { StepContext, StepCounts, SyncStep } from '../step.contract.js';
import { readMediaHandoff, type MediaHandoff } from './media-handoff.js';
import { MediaPass, mediaPageOptions } from './media-pages.js';
import type { StepDeps } from './step-deps.js';
import { StepTally } from './step-tally.js';

/** The media edge lists only the 10,000 most recent media; a listing that long may be cut. */
const VISIBLE_MEDIA_LIMIT = 10_000;

/**
 * Step 2: pages the account's media newest first (100 a page) down to the window start, going
 * on from the first page the profile step read with the profile (or from the newest when it
 * handed on nothing). Each page brings every media's first comments page (50, with first
 * reply pages) and its common lifetime insights by field expansion; see `MediaPass`. After a
 * pass that reached the window start, media of the window it did not see are marked deleted
 * (by `last_seen_at`).
 */
export class MediaStep implements SyncStep {
  readonly name = 'media' as const;

  constructor(private readonly deps: StepDeps) {}

  async run(context: StepContext): Promise<StepCounts> {
    const tally = new StepTally();
    const handoff = readMediaHandoff(context.handedOn);
    const seenAt = handoff?.seenAt ?? context.attemptStartedAt;
    const pass = new MediaPass(this.deps, context, tally, seenAt);
    pass.listed = handoff?.listed ?? 0;
    if (!handoff) await this.page(context, pass, undefined);
    else if (handoff.after) await this.goOn(context, pass, handoff);
    else pass.reachedStart = true;
    await pass.finish();
    await this.markDeleted(context, tally, pass, seenAt);
    return tally.counts;
  }

  /** From `after`; a cursor Instagram no longer takes (code 100) means listing from the top. */
  private async goOn(context: StepContext, pass: MediaPass, handoff: MediaHandoff) {
    try {
      await this.page(context, pass, handoff.after!);
    } catch (error) {
      if (!isGraphApiError(error) || error.code !== 100 || pass.listed > handoff.listed)
        throw error;
      context.logger.warn({ err: error.toJSON() }, 'media cursor refused; listing from the top');
      await this.page(context, pass, undefined);
    }
  }

  private async page(context: StepContext, pass: MediaPass, after: string | undefined) {
    const options = { ...mediaPageOptions(this.deps, context), ...(after ? { after } : {}) };
    for await (const page of this.deps.graph.listMedia(context.account, options)) {
      await pass.add(page.data);
      if (pass.reachedStart) break;
    }
  }

  private async markDeleted(
    context: StepContext,
    tally: StepTally,
    pass: MediaPass,
    seenAt: Date,
  ): Promise<void> {
    const { repos, options } = this.deps;
    if (!pass.reachedStart && pass.listed >= VISIBLE_MEDIA_LIMIT) {
      const listed = pass.listed;
      context.logger.warn(
        { listed },
        'media listing ended at Instagram’s horizon; deletions not marked',
      );
      return;
    }
    const marked = await repos.media.markUnseenAsDeleted({
      igUserId: context.account.igUserId,
      windowStart: context.window.start,
      seenAt,
      deletedAt: options.now(),
    });
    tally.add({ written: marked });
    await tally.checkpoint(context);
  }
}
