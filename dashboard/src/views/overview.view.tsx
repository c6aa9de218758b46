import { useQuery } from '../api/use-query';
import { StartForm } from '../components/start-form';
import { StatusBadge } from '../components/status-badge';
import { formatDuration, formatTarget, formatTime } from '../format';
import { OverviewDocument, type OverviewQuery } from '../generated/graphql';
import { accountHref, runHref } from '../routing';

const RECENT_RUNS = 20;
const REFRESH_MS = 3_000;

/** The batch's status and schedule, a start form, and the recent runs. */
export function OverviewView() {
  const { data, error } = useQuery(
    OverviewDocument,
    { first: RECENT_RUNS },
    'overview',
    REFRESH_MS,
  );
  return (
    <>
      {error && <p class="error">{error}</p>}
      {data && <BatchStatusCard status={data.batchStatus} />}
      <section>
        <h2>Start a sync</h2>
        <StartForm />
      </section>
      {data && <RecentRuns runs={data.batchExecutions.edges.map((e) => e.node)} />}
    </>
  );
}

function BatchStatusCard({ status }: { status: OverviewQuery['batchStatus'] }) {
  return (
    <section data-testid="batch-status">
      <h2>
        {status.batchName} <StatusBadge status={status.status.toUpperCase()} />
      </h2>
      <p>{status.description}</p>
      <dl class="facts">
        <dt>Schedule</dt>
        <dd>
          {status.schedule} (<code>{status.cron}</code>, {status.timezone})
        </dd>
        <dt>Next scheduled runs</dt>
        <dd>
          <ul data-testid="schedules">
            {status.schedules.map((s) => (
              <li key={s.name} data-schedule={s.name}>
                {formatTime(s.nextRunAt)} — {s.name}, {s.months} month{s.months > 1 ? 's' : ''} (
                <code>{s.cron}</code>)
              </li>
            ))}
          </ul>
        </dd>
        <dt>Last execution</dt>
        <dd>{formatTime(status.lastExecution)}</dd>
        <dt>Running / queued</dt>
        <dd>
          {status.running} running (at most {status.concurrency} per worker) · {status.queued} of{' '}
          {status.queueCapacity} queued
        </dd>
      </dl>
    </section>
  );
}

type RunRow = OverviewQuery['batchExecutions']['edges'][number]['node'];

function RecentRuns({ runs }: { runs: RunRow[] }) {
  return (
    <section>
      <h2>Recent runs</h2>
      <table class="striped" data-testid="recent-runs">
        <thead>
          <tr>
            <th>Run</th>
            <th>Status</th>
            <th>Type</th>
            <th>Target</th>
            <th>Months</th>
            <th>Started</th>
            <th>Duration</th>
            <th>Failed accounts</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-run={run.id}>
              <td>
                <a href={runHref(run.id)}>{run.id}</a>
              </td>
              <td>
                <StatusBadge status={run.status} />
              </td>
              <td>{run.executionType}</td>
              <td>
                {run.targetUserNo === null ? (
                  formatTarget(null)
                ) : (
                  <a href={accountHref(run.targetUserNo)}>{formatTarget(run.targetUserNo)}</a>
                )}
              </td>
              <td>{run.monthsToSync}</td>
              <td>{formatTime(run.startedAt ?? run.queuedAt)}</td>
              <td>{formatDuration(run.durationMs)}</td>
              <td>{new Set(run.steps.flatMap((s) => s.failures.map((f) => f.userNo))).size}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs.length === 0 && <p>No runs yet.</p>}
    </section>
  );
}
