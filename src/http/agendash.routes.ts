import type { Agenda } from 'agenda';
import { createExpressMiddleware } from 'agendash';
import { Router } from 'express';
import type { Authenticator } from '../auth/authenticator.js';
import { adminPageGuard } from './admin-page.guard.js';

export const AGENDASH_PATH = '/agendash';

/** Its cookie: the admin's JWT, sent back to /agendash only (see admin-page.guard.ts). */
export const AGENDASH_COOKIE = 'instagram-sync-agendash';

/**
 * Agendash on our Agenda: its page (bundled, self-hosted) and its API, which reads through
 * Agenda's backend-neutral `queryJobs`/`getJobsOverview` (our Sequelize backend implements
 * both), for admins only. Mount on AGENDASH_PATH.
 */
export function agendashRoutes(agenda: Agenda, authenticator: Authenticator): Router {
  const router = Router();
  router.use(adminPageGuard(authenticator, { path: AGENDASH_PATH, cookie: AGENDASH_COOKIE }));
  router.use(createExpressMiddleware(agenda));
  return router;
}
