import type { Agenda, Job, NotificationChannel } from 'agenda';

/**
 * What follows a job's end in this process. A one-off job that succeeded (a run, an account
 * step) is removed: its record lives in `sync_runs`, and the job table stays small. Then every
 * worker is told that a job of its kind ended, so one with a free slot locks the next waiting
 * job at once. Agenda locks new jobs only when told of a saved job or on its scan every
 * `processEvery`: a slot whose account step ended stood idle until then while the step's
 * other accounts waited in the table, at each wave of each step (up to 2 s in production,
 * 250 ms in the bench; docs/DECISIONS.md). A worker with no free slot or nothing waiting
 * looks once and finds nothing.
 *
 * The removal is done here rather than by Agenda's `removeOnComplete` (which the agenda is
 * created without) because Agenda frees the job's slot only after its own removal: a notice
 * sent before would find every slot taken and be lost.
 */
export function onJobEnd(agenda: Agenda, channel: NotificationChannel): void {
  const succeeded = new WeakSet<Job>();
  agenda.on('success', (job: Job) => succeeded.add(job));
  agenda.on('complete', (job: Job) => {
    void ended(agenda, channel, job, succeeded.has(job)).catch((error: unknown) =>
      agenda.emit('error', error instanceof Error ? error : new Error(String(error))),
    );
  });
}

async function ended(agenda: Agenda, channel: NotificationChannel, job: Job, succeeded: boolean) {
  if (succeeded && !job.attrs.nextRunAt && job.attrs._id !== undefined) {
    await agenda.cancel({ id: job.attrs._id });
  }
  if (channel.state !== 'connected') return;
  await channel.publish({
    jobId: job.attrs._id!,
    jobName: job.attrs.name,
    nextRunAt: new Date(),
    priority: job.attrs.priority,
    timestamp: new Date(),
    source: agenda.attrs.name || undefined,
  });
}
