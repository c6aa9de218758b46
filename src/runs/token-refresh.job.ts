import type { Agenda } from 'agenda';
import type { TokenRefresher } from '../accounts/token-refresher.js';
import type { Logger } from '../config/logger.js';
import { defineJob, TOKEN_REFRESH_JOB } from './job-registry.js';

/**
 * Defines the recurring token check. A failed refresh is logged and retried by the next day's
 * check (the token still has weeks left); the job itself fails only on a database error.
 */
export function defineTokenRefreshJob(
  agenda: Agenda,
  refresher: Pick<TokenRefresher, 'refreshDue'>,
  logger: Logger,
): void {
  defineJob(agenda, TOKEN_REFRESH_JOB, async () => {
    const report = await refresher.refreshDue();
    for (const failure of report.failed) {
      logger.warn(failure, 'Instagram token not refreshed; the next check tries again');
    }
    if (report.expiringFacebook.length > 0) {
      logger.warn(
        { userNos: report.expiringFacebook },
        'Facebook-Login tokens expire within a week: their users must connect again',
      );
    }
    logger.info({ refreshed: report.refreshed }, 'token check done');
  });
}
