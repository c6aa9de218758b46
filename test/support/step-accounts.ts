import { QueryTypes, type Sequelize } from 'sequelize';
import { eventually } from './waiting.js';
import type { WorkerProcess } from './service-process.spawn.js';

/** One row of `sync_step_accounts`: an account's share of one step of a run. */
export interface StepAccountRow {
  step: string;
  user_no: number;
  status: string;
  attempts: number;
  worker: string;
}

/** A run's account steps (optionally filtered by a SQL condition), in creation order. */
export async function stepAccounts(
  sequelize: Sequelize,
  runId: string,
  where = '1 = 1',
): Promise<StepAccountRow[]> {
  return sequelize.query<StepAccountRow>(
    `SELECT step, user_no, status, attempts, worker FROM sync_step_accounts
     WHERE run_id = ? AND ${where} ORDER BY id`,
    { replacements: [Number(runId)], type: QueryTypes.SELECT },
  );
}

/**
 * Waits until `worker` is inside an account's `step`, SIGKILLs it, and returns the account
 * steps it left running.
 */
export async function killMidStep(
  sequelize: Sequelize,
  runId: string,
  worker: WorkerProcess,
  step: string,
): Promise<StepAccountRow[]> {
  const running = `status = 'running' AND worker LIKE '%${worker.tag}%'`;
  await eventually(
    async () => {
      const rows = await stepAccounts(sequelize, runId, `step = '${step}' AND ${running}`);
      return rows.length > 0 ? rows : undefined;
    },
    30_000,
    25,
  );
  await worker.kill();
  // A dead worker's rows no longer change: these are the steps it was in the middle of.
  return stepAccounts(sequelize, runId, running);
}
