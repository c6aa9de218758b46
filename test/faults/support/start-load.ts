import type { Gql } from './graphql-http.js';

export interface StartTally {
  /** Runs this load created, in order. */
  created: string[];
  deduplicated: number;
  queueFull: number;
  /** Any other answer (an error), as text: the test expects none. */
  unexpected: string[];
}

const START = `mutation($userNo: Int) { startInstagramSync(userNo: $userNo, months: 1) { executionId deduplicated } }`;

/**
 * `perSecond` starts a second for `durationMs`, cycling through `userNos`, each start sent on
 * its tick whether or not the previous one answered (open loop), and every answer awaited.
 * A deduplicated start (a run of that user still active) and QUEUE_FULL are answers the load
 * expects; they are counted. `tally` fills in as answers arrive; `done` resolves after the last.
 */
export function startLoad(
  gql: Gql,
  options: { perSecond: number; durationMs: number; userNos: number[] },
): { tally: StartTally; done: Promise<StartTally> } {
  const tally: StartTally = { created: [], deduplicated: 0, queueFull: 0, unexpected: [] };
  return { tally, done: sendStarts(gql, options, tally) };
}

async function sendStarts(
  gql: Gql,
  { perSecond, durationMs, userNos }: { perSecond: number; durationMs: number; userNos: number[] },
  tally: StartTally,
): Promise<StartTally> {
  const answers: Array<Promise<void>> = [];
  const started = Date.now();
  for (let i = 0; i < (perSecond * durationMs) / 1000; i++) {
    const due = started + (i * 1000) / perSecond;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
    const userNo = userNos[i % userNos.length];
    const answer = gql<{ startInstagramSync: { executionId: string; deduplicated: boolean } }>(
      START,
      { userNo },
    ).then((result) => {
      const launch = result.data?.startInstagramSync;
      if (launch?.deduplicated) tally.deduplicated++;
      else if (launch) tally.created.push(launch.executionId);
      else if (result.errors?.[0]?.extensions?.code === 'QUEUE_FULL') tally.queueFull++;
      else tally.unexpected.push(JSON.stringify(result.errors));
    });
    answers.push(answer.catch((error: unknown) => void tally.unexpected.push(String(error))));
  }
  await Promise.all(answers);
  return tally;
}
