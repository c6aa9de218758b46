import { Router } from 'express';
import type { Sequelize } from 'sequelize';
import { isFullyMigrated } from '../db/migrator.js';

/** /healthz: the process answers. /readyz: the database answers and every migration is applied. */
export function healthRoutes(sequelize: Sequelize): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await sequelize.authenticate();
      if (!(await isFullyMigrated(sequelize))) {
        res.status(503).json({ status: 'not ready', reason: 'migrations pending' });
        return;
      }
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'not ready', reason: 'database unreachable' });
    }
  });
  return router;
}
