import { Router, type Request, type Response } from 'express';
import { DateTime } from 'luxon';
import type { RunQueries } from '../runs/run.queries.js';
import type { RunLauncher } from '../runs/run-launcher.js';
import { access } from '../auth/access.policy.js';
import type { Authenticator } from '../auth/authenticator.js';
import type { Caller } from '../auth/caller.js';
import { AppError } from '../errors/app.error.js';
import { callerOf, requireCaller } from './caller.middleware.js';
import type { RunLaunch } from '../runs/run.vocabulary.js';

/** The old service's "2024-01-15 14:30:00", in SYNC_TIMEZONE. */
const oldTime = (date: Date | null, zone: string): string | null =>
  date ? DateTime.fromJSDate(date).setZone(zone).toFormat('yyyy-MM-dd HH:mm:ss') : null;

/** A path segment that must be a whole number; anything else is refused naming the field. */
function wholeNumber(raw: string | string[] | undefined, field: string, allowed: string): number {
  if (typeof raw === 'string' && /^-?\d+$/.test(raw)) return Number(raw);
  throw new AppError(
    'BAD_USER_INPUT',
    `${field} must be ${allowed}; got ${JSON.stringify(raw)}`,
    field,
  );
}

/**
 * The Spring Batch service's REST API, answering in its exact shapes so existing callers move
 * over unchanged (plus `executionId` and `deduplicated`, which old callers ignore).
 */
export function restCompatRoutes(deps: {
  launcher: RunLauncher;
  queries: RunQueries;
  timezone: string;
  authenticator: Authenticator;
}): Router {
  const router = Router();
  const startAnswer = (launch: RunLaunch) => ({
    success: true,
    data: {
      status: 'success',
      message: launch.message,
      executionTime: oldTime(launch.executionTime, deps.timezone),
      executionType: launch.executionType,
      ...(launch.targetUserNo === null ? {} : { targetUserNo: launch.targetUserNo }),
      monthsToSync: launch.monthsToSync,
      executionId: launch.executionId,
      deduplicated: launch.deduplicated,
    },
  });
  // Express 5 hands a rejected handler to the error middleware, which answers in this shape.
  const handle =
    (work: (req: Request, caller: Caller) => Promise<unknown>) =>
    async (req: Request, res: Response) => {
      res.json(await work(req, callerOf(res)));
    };
  const months = (req: Request) =>
    wholeNumber(req.params.months, 'months', 'a whole number from 1 to 12');
  const userNo = (req: Request) =>
    wholeNumber(req.params.userNo, 'userNo', 'a positive whole number');

  const start = (caller: Caller, input: { userNo?: number; months?: number }) => {
    access.assertMayTarget(caller, input.userNo ?? null);
    return deps.launcher.start(input).then(startAnswer);
  };

  router.use(requireCaller(deps.authenticator));
  router.post(
    '/sync',
    handle((_req, caller) => start(caller, {})),
  );
  router.post(
    '/sync/user/:userNo',
    handle((req, caller) => start(caller, { userNo: userNo(req) })),
  );
  router.post(
    '/sync/months/:months',
    handle((req, caller) => start(caller, { months: months(req) })),
  );
  router.post(
    '/sync/user/:userNo/months/:months',
    handle((req, caller) => start(caller, { userNo: userNo(req), months: months(req) })),
  );
  router.get(
    '/status',
    handle(async () => {
      const status = await deps.queries.status();
      return {
        success: true,
        data: {
          batchName: status.batchName,
          description: status.description,
          schedule: status.schedule,
          lastExecution: oldTime(status.lastExecution, deps.timezone),
          status: status.status,
        },
      };
    }),
  );
  return router;
}
