import { AppError } from '../errors/app.error.js';
import type { EventViewer } from '../run-events/run-event-feed.js';
import type { RunEvent, RunRecord } from '../runs/run.vocabulary.js';
import type { Caller } from './caller.js';

/**
 * Who may do what. An admin may do anything. A user acts only on its own userNo: it starts,
 * cancels and restarts its own runs, reads its own account, and sees the runs that include
 * its account (its own and all-accounts runs) with the other accounts' failures removed.
 */
export const access = {
  /** Starting (or connecting) for `userNo`, or for all accounts when null. */
  assertMayTarget(caller: Caller, userNo: number | null, field = 'userNo'): void {
    if (caller.role === 'admin') return;
    if (userNo === null) throw forbidden('only an admin may act on all accounts', field);
    if (userNo !== caller.userNo) throw forbidden(`userNo ${userNo} is not yours`, field);
  },

  /** Cancelling or restarting: a user may change only a run of its own account. */
  assertMayChange(caller: Caller, run: Pick<RunRecord, 'id' | 'targetUserNo'>): void {
    if (caller.role === 'admin' || run.targetUserNo === caller.userNo) return;
    throw forbidden(`execution ${run.id} is not a run of your account`, 'executionId');
  },

  /** Reading a run: it must include the caller's account. */
  assertMayRead(caller: Caller, run: Pick<RunRecord, 'id' | 'targetUserNo'>): void {
    if (caller.role === 'admin' || includes(run, caller.userNo)) return;
    throw forbidden(`execution ${run.id} does not include your account`, 'id');
  },

  assertAdmin(caller: Caller, what: string): void {
    if (caller.role !== 'admin') throw forbidden(`only an admin may ${what}`);
  },

  /** The run as this caller may see it: a user sees only its own account's failures. */
  visibleRun(caller: Caller, run: RunRecord): RunRecord {
    if (caller.role === 'admin') return run;
    return {
      ...run,
      steps: run.steps.map((step) => ({
        ...step,
        failures: step.failures.filter((failure) => failure.userNo === caller.userNo),
      })),
    };
  },

  /** Whether this caller may see the event: other accounts' failures are not shown to a user. */
  maySee(caller: Caller, event: RunEvent): boolean {
    if (caller.role === 'admin' || event.type !== 'ACCOUNT_FAILED') return true;
    return event.userNo === caller.userNo;
  },
};

/** The event viewer of a subscriber with these rights. */
export function viewerOf(caller: Caller): EventViewer {
  return {
    assertMayFollowAll: () => access.assertAdmin(caller, "follow every run's events"),
    assertMayFollow: (run) => access.assertMayRead(caller, run),
    maySee: (event) => access.maySee(caller, event),
  };
}

const includes = (run: Pick<RunRecord, 'targetUserNo'>, userNo: number | null): boolean =>
  run.targetUserNo === null || run.targetUserNo === userNo;

const forbidden = (message: string, field?: string) => new AppError('FORBIDDEN', message, field);
