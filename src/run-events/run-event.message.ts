import { z } from 'zod';
import {
  RUN_EVENT_TYPES,
  RUN_STATUSES,
  STEP_NAMES,
  type RunEvent,
} from '../runs/run.vocabulary.js';

/**
 * The shape of a run event as it travels on Redis. Anything else on the channel (another
 * program, an older version, a hand-typed PUBLISH) is not trusted to be a RunEvent.
 */
const count = z.number().int().nonnegative();
const runEventShape = z.object({
  executionId: z.string().min(1),
  seq: z.number().int().positive(),
  type: z.enum(RUN_EVENT_TYPES),
  step: z.enum(STEP_NAMES).nullable(),
  at: z.string(),
  progress: z.object({ done: count, total: count, items: count }).nullable(),
  message: z.string().nullable(),
  userNo: z.number().int().nullable(),
  status: z.enum(RUN_STATUSES),
});

/** The RunEvent in a Redis message, or a reason it is none (never the message itself). */
export function readRunEventMessage(
  message: string,
): { ok: true; event: RunEvent } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = runEventShape.safeParse(value);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))];
    return { ok: false, reason: `not a run event (${fields.join(', ')})` };
  }
  return { ok: true, event: parsed.data };
}
