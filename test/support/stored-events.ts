import { QueryTypes, type Sequelize } from 'sequelize';

/** The seqs of a run's stored events (`sync_events`), in order. */
export async function storedSeqs(sequelize: Sequelize, runId: string): Promise<number[]> {
  const rows = await sequelize.query<{ seq: number }>(
    'SELECT seq FROM sync_events WHERE run_id = ? ORDER BY seq',
    { replacements: [Number(runId)], type: QueryTypes.SELECT },
  );
  return rows.map((r) => Number(r.seq));
}
