// Run by check-backend-package.sh from a scratch project outside the repository, where only
// the packed backend, its peers and mysql2 are installed: one job, defined, scheduled and run
// exactly once through Agenda on a fresh MariaDB schema the backend creates itself.
/* global process, console, setTimeout, clearTimeout, URL -- Node's, outside the TS config */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Agenda } from 'agenda';
import mysql from 'mysql2/promise';
import { Sequelize } from 'sequelize';
import { SequelizeBackend } from '@instagram-sync/agenda-sequelize-backend';

const serverUrl = process.env.CHECK_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
const schema = `agenda_pkg_check_${randomBytes(4).toString('hex')}`;

/** `promise`, or a rejection naming `what` after `ms`. */
function within(promise, what, ms = 20_000) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const admin = await mysql.createConnection(serverUrl);
await admin.query(`CREATE DATABASE \`${schema}\` CHARACTER SET utf8mb4`);
try {
  const url = new URL(serverUrl);
  url.pathname = `/${schema}`;
  const sequelize = new Sequelize(url.toString(), {
    dialect: 'mysql',
    logging: false,
    timezone: '+00:00',
  });
  await sequelize.authenticate();
  const agenda = new Agenda({
    backend: new SequelizeBackend({ sequelize, ensureSchema: true }),
    processEvery: 100,
    defaultLockLifetime: 2000,
  });
  const runs = [];
  agenda.define('check-package', async (job) => {
    runs.push(job.attrs.data);
  });
  const completed = new Promise((resolve) => agenda.once('complete:check-package', resolve));
  await agenda.start();
  await agenda.schedule(new Date(Date.now() + 300), 'check-package', { from: 'the tarball' });
  await within(completed, 'the scheduled job to complete');
  // A few more polls: a job that is not marked done would be picked up again.
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.deepEqual(runs, [{ from: 'the tarball' }]);
  const { jobs } = await agenda.queryJobs({ name: 'check-package' });
  assert.deepEqual(
    jobs.map((job) => job.state),
    ['completed'],
  );
  await agenda.stop();
  await sequelize.close();
  console.log('the packed backend ran one scheduled job once through Agenda on MariaDB');
} finally {
  await admin.query(`DROP DATABASE IF EXISTS \`${schema}\``);
  await admin.end();
}
// Agenda's watchdog timers outlive stop() for a while; everything is checked and closed.
process.exit(0);
