import type { AccountInsightRecord } from '../../db/repositories/ig-account-insight.repository.js';
import type { StepContext } from '../step.contract.js';
import { addDays, daysFrom, insightToday } from './insight-days.js';
import type { StepDeps } from './step-deps.js';

export const PERIOD = 'day';

/** Which days of the window this run fetches, and which it may store as final. */
export interface DayPlan {
  /** The window's days that have ended (up to Instagram's yesterday), oldest first. */
  days: string[];
  today: string;
  igUserId: string;
  fetchedAt: Date;
  /** Not yet stored as final, or inside the trailing window Instagram may still fill in. */
  needs(metric: string, day: string): boolean;
  /** Older than the trailing window: Instagram will not change it any more. */
  isFinal(day: string): boolean;
  /** Metrics Instagram refused for this account in this run: not asked again. */
  refused: Set<string>;
}

/** The window's days, which are final already, and which this run must ask for. */
export async function planDays(deps: StepDeps, context: StepContext): Promise<DayPlan> {
  const fetchedAt = deps.options.now();
  const today = insightToday(fetchedAt);
  const lastDay = addDays(today, -1);
  const trailingFrom = addDays(today, -deps.options.trailingDays);
  const igUserId = context.account.igUserId;
  const finals = await deps.repos.accountInsights.findFinalDays({
    igUserId,
    since: context.window.startDay,
    until: lastDay,
  });
  const final = new Set(finals.map((k) => `${k.metric}|${k.period}|${k.day}`));
  return {
    days: daysFrom(context.window.startDay, lastDay),
    today,
    igUserId,
    fetchedAt,
    needs: (metric, day) => day >= trailingFrom || !final.has(`${metric}|${PERIOD}|${day}`),
    isFinal: (day) => day < trailingFrom,
    refused: new Set(),
  };
}

/** Rows to store and how many values Instagram gave. */
export interface Fetched {
  rows: AccountInsightRecord[];
  read: number;
}

export function row(
  plan: DayPlan,
  metric: string,
  day: string,
  value: number | null,
): AccountInsightRecord {
  const { igUserId, fetchedAt } = plan;
  return { igUserId, metric, period: PERIOD, day, value, final: plan.isFinal(day), fetchedAt };
}
