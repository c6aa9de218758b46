import { Op, UniqueConstraintError, type Sequelize } from 'sequelize';
import { defineRunModels, type EventRow, type RunModels } from '../db/models/run.model.js';
import {
  FINAL_EVENT_TYPES,
  type RunEvent,
  type RunEventType,
  type RunProgress,
  type RunStatus,
  type StepName,
} from '../runs/run.vocabulary.js';

export type NewRunEvent = Omit<RunEvent, 'seq' | 'at'> & { at?: Date };

const toEvent = (row: EventRow): RunEvent => ({
  executionId: String(row.runId),
  seq: row.seq,
  type: row.type as RunEventType,
  step: row.step as StepName | null,
  at: new Date(row.at).toISOString(),
  progress: row.progress ? (JSON.parse(row.progress) as RunProgress) : null,
  message: row.message,
  userNo: row.userNo,
  status: row.status as RunStatus,
});

/** The stored, ordered event log of every run. */
export class RunEventRepository {
  private readonly m: RunModels;

  constructor(sequelize: Sequelize) {
    this.m = defineRunModels(sequelize);
  }

  /**
   * Stores an event under the run's next `seq`. Several workers may append to one run at once:
   * the unique (run_id, seq) index refuses the loser, which takes the next number. A run has
   * one final event: appending another returns the stored one (unique `final_of`), so a
   * resumed driver can always announce the end without announcing it twice.
   */
  async append(event: NewRunEvent): Promise<RunEvent> {
    const runId = Number(event.executionId);
    const final = FINAL_EVENT_TYPES.includes(event.type);
    for (let attempt = 0; ; attempt += 1) {
      const ended = final ? await this.m.SyncEvent.findOne({ where: { finalOf: runId } }) : null;
      if (ended) return toEvent(ended.get({ plain: true }));
      const last = (await this.m.SyncEvent.max('seq', { where: { runId } })) as number | null;
      try {
        const row = await this.m.SyncEvent.create({
          runId,
          seq: (last ?? 0) + 1,
          type: event.type,
          step: event.step,
          userNo: event.userNo,
          status: event.status,
          message: event.message,
          progress: event.progress ? JSON.stringify(event.progress) : null,
          finalOf: final ? runId : null,
          at: event.at ?? new Date(),
        });
        return toEvent(row.get({ plain: true }));
      } catch (error) {
        if (!(error instanceof UniqueConstraintError) || attempt >= 50) throw error;
      }
    }
  }

  /** Stored events of a run after `afterSeq` (exclusive), up to `toSeq` (inclusive) if given. */
  async listAfter(executionId: string, afterSeq: number, toSeq?: number): Promise<RunEvent[]> {
    const seq =
      toSeq === undefined ? { [Op.gt]: afterSeq } : { [Op.gt]: afterSeq, [Op.lte]: toSeq };
    const rows = await this.m.SyncEvent.findAll({
      where: { runId: Number(executionId), seq },
      order: [['seq', 'ASC']],
    });
    return rows.map(toEvent);
  }
}
