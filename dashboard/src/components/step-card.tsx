import type { StepFieldsFragment } from '../generated/graphql';
import { formatDuration } from '../format';
import { StatusBadge } from './status-badge';

/** The latest `STEP_PROGRESS` of a step: accounts done of total, items written. */
export interface StepProgress {
  done: number;
  total: number;
  items: number;
}

/** One of a run's four steps: status, a progress bar that moves live, counts, failures. */
export function StepCard({
  step,
  progress,
}: {
  step: StepFieldsFragment;
  progress?: StepProgress;
}) {
  const finished = step.status !== 'PENDING' && step.status !== 'RUNNING';
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  return (
    <article
      class="step"
      data-testid={`step-${step.name}`}
      data-status={step.status}
      data-done={done}
      data-total={total}
      data-items={progress?.items ?? 0}
    >
      <header>
        <strong>{step.name}</strong> <StatusBadge status={step.status} />
      </header>
      <progress
        value={finished ? 1 : done}
        max={finished ? 1 : Math.max(total, 1)}
        aria-label={`${step.name} progress`}
      />
      <p class="counts">
        {progress ? `${done} / ${total} accounts · ${progress.items} items written` : 'waiting'}
        <br />
        read {step.readCount} · written {step.writeCount} · skipped {step.skipCount} ·{' '}
        {formatDuration(step.durationMs)}
      </p>
    </article>
  );
}
