import { DateTime } from 'luxon';
import type { StepContext, StepCounts, SyncStep } from '../step.contract.js';
import { toProfileRecord } from './graph-records.js';
import type { StepDeps } from './step-deps.js';

/**
 * Step 1: reads the account's profile (one call), stores it, and stores today's snapshot of its
 * counts — Instagram keeps no history of `followers_count`, so these daily rows are that
 * history. "Today" is the fetch day in the run's time zone; a later sync that day overwrites.
 */
export class ProfileStep implements SyncStep {
  readonly name = 'profile' as const;

  constructor(private readonly deps: StepDeps) {}

  async run(context: StepContext): Promise<StepCounts> {
    const { graph, repos, options } = this.deps;
    const { account, window } = context;
    const profile = await graph.getProfile(account);
    const fetchedAt = options.now();
    const record = toProfileRecord(account.igUserId, profile, fetchedAt);
    const day = DateTime.fromJSDate(fetchedAt).setZone(window.timezone).toISODate()!;
    const written = await repos.inTransaction(async (tx) => {
      const profiles = await repos.profiles.upsertMany([record], tx);
      const snapshots = await repos.profileSnapshots.upsertMany(
        [
          {
            igUserId: account.igUserId,
            day,
            followersCount: record.followersCount,
            followsCount: record.followsCount,
            mediaCount: record.mediaCount,
          },
        ],
        tx,
      );
      return profiles + snapshots;
    });
    const counts = { read: 1, written, skipped: 0 };
    await context.checkpoint(counts);
    return counts;
  }
}
