import { DateTime } from 'luxon';
import type { IgProfile } from '../../instagram/index.js';
import type { StepContext, StepCounts, SyncStep } from '../step.contract.js';
import { toProfileRecord } from './graph-records.js';
import { mediaHandoff } from './media-handoff.js';
import { MediaPass, mediaPageOptions } from './media-pages.js';
import type { StepDeps } from './step-deps.js';
import { StepTally } from './step-tally.js';

/**
 * Step 1: reads the account's profile together with its first media page (one call, by field
 * expansion on the IG user node), stores the profile and today's snapshot of its counts —
 * Instagram keeps no history of `followers_count`, so these daily rows are that history —
 * and stores the media page as the media step would (`MediaPass`), handing that step the
 * cursor to go on from. "Today" is the fetch day in the run's time zone; a later sync that
 * day overwrites.
 */
export class ProfileStep implements SyncStep {
  readonly name = 'profile' as const;

  constructor(private readonly deps: StepDeps) {}

  async run(context: StepContext): Promise<StepCounts> {
    const { graph } = this.deps;
    const tally = new StepTally();
    const seenAt = context.attemptStartedAt;
    const pass = new MediaPass(this.deps, context, tally, seenAt);
    const { profile, media } = await graph.getProfileWithMedia(
      context.account,
      mediaPageOptions(this.deps, context),
    );
    await this.storeProfile(context, tally, profile);
    await pass.add(media.data);
    await pass.finish();
    context.handOn(mediaHandoff(pass, media, seenAt));
    return tally.counts;
  }

  private async storeProfile(context: StepContext, tally: StepTally, profile: IgProfile) {
    const { repos, options } = this.deps;
    const { account, window } = context;
    const fetchedAt = options.now();
    const record = toProfileRecord(account.igUserId, profile, fetchedAt);
    const day = DateTime.fromJSDate(fetchedAt).setZone(window.timezone).toISODate()!;
    const snapshot = {
      igUserId: account.igUserId,
      day,
      followersCount: record.followersCount,
      followsCount: record.followsCount,
      mediaCount: record.mediaCount,
    };
    const written = await repos.inTransaction(async (tx) => {
      const profiles = await repos.profiles.upsertMany([record], tx);
      return profiles + (await repos.profileSnapshots.upsertMany([snapshot], tx));
    });
    tally.add({ read: 1, written });
    await tally.checkpoint(context);
  }
}
