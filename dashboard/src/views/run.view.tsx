import { useState } from 'preact/hooks';
import { request } from '../api/graphql';
import { useQuery } from '../api/use-query';
import { useRunProgress } from '../api/use-run-progress';
import { StatusBadge } from '../components/status-badge';
import { StepCard } from '../components/step-card';
import { formatDuration, formatTarget, formatTime } from '../format';
import {
  CancelSyncDocument,
  RestartSyncDocument,
  RunDocument,
  type RunQuery,
} from '../generated/graphql';
import { accountHref, runHref } from '../routing';

type Run = RunQuery['batchExecution'];

/** One run: its four steps moving live, its failed accounts, cancel and restart. */
export function RunView({ id }: { id: string }) {
  const { data, error, reload } = useQuery(RunDocument, { id }, id);
  const live = useRunProgress(id, reload);
  const run = data?.batchExecution;
  const status = live.status ?? run?.status;
  return (
    <>
      <p>
        <a href="#/">← Overview</a>
      </p>
      {error && <p class="error">{error}</p>}
      {live.error && <p class="error">Live updates stopped: {live.error}</p>}
      {run && status && (
        <>
          <section data-testid="run" data-status={status}>
            <h2>
              Run {run.id} <StatusBadge status={status} />
            </h2>
            <RunFacts run={run} />
            <RunActions run={run} status={status} onDone={reload} />
          </section>
          <section class="steps">
            {run.steps.map((step) => (
              <StepCard key={step.name} step={step} progress={live.steps[step.name]} />
            ))}
          </section>
          <Failures run={run} />
        </>
      )}
    </>
  );
}

function RunFacts({ run }: { run: Run }) {
  return (
    <dl class="facts">
      <dt>Target</dt>
      <dd>
        {run.targetUserNo === null ? (
          formatTarget(null)
        ) : (
          <a href={accountHref(run.targetUserNo)}>{formatTarget(run.targetUserNo)}</a>
        )}
      </dd>
      <dt>Type / months</dt>
      <dd>
        {run.executionType} · {run.monthsToSync} months
      </dd>
      <dt>Started / ended</dt>
      <dd>
        {formatTime(run.startedAt ?? run.queuedAt)} → {formatTime(run.endedAt)} (
        {formatDuration(run.durationMs)})
      </dd>
      {run.restartOf && (
        <>
          <dt>Restart of</dt>
          <dd>
            <a href={runHref(run.restartOf)}>{run.restartOf}</a>
          </dd>
        </>
      )}
      {run.error && (
        <>
          <dt>Error</dt>
          <dd class="error">{run.error}</dd>
        </>
      )}
    </dl>
  );
}

function RunActions(props: { run: Run; status: string; onDone(): void }) {
  const [message, setMessage] = useState<string | null>(null);
  const act = async (action: () => Promise<void>) => {
    setMessage(null);
    try {
      await action();
    } catch (error) {
      setMessage((error as Error).message);
    }
    props.onDone();
  };
  const executionId = props.run.id;
  const cancellable = props.status === 'QUEUED' || props.status === 'RUNNING';
  const restartable = props.status === 'FAILED' || props.status === 'COMPLETED_WITH_ERRORS';
  return (
    <div class="actions">
      {cancellable && (
        <button
          class="secondary"
          onClick={() => act(async () => void (await request(CancelSyncDocument, { executionId })))}
        >
          Cancel run
        </button>
      )}
      {restartable && (
        <button
          onClick={() =>
            act(async () => {
              const { restartInstagramSync } = await request(RestartSyncDocument, { executionId });
              location.hash = runHref(restartInstagramSync.executionId);
            })
          }
        >
          Restart run
        </button>
      )}
      {message && <p class="error">{message}</p>}
    </div>
  );
}

function Failures({ run }: { run: Run }) {
  const failures = run.steps.flatMap((step) =>
    step.failures.map((f) => ({ step: step.name, ...f })),
  );
  if (failures.length === 0) return null;
  return (
    <section>
      <h3>Failed accounts</h3>
      <table class="striped" data-testid="failures">
        <thead>
          <tr>
            <th>Step</th>
            <th>userNo</th>
            <th>Code</th>
            <th>Error</th>
          </tr>
        </thead>
        <tbody>
          {failures.map((f) => (
            <tr key={`${f.step}-${f.userNo}`}>
              <td>{f.step}</td>
              <td>
                <a href={accountHref(f.userNo)}>{f.userNo}</a>
              </td>
              <td>
                <code>{f.errorCode}</code>
              </td>
              <td>{f.error}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
