import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Agenda } from 'agenda';
import type { Sequelize } from 'sequelize';
import { AccountStepRunner } from './runs/account-step.runner.js';
import { createAgenda } from './runs/agenda.factory.js';
import { BatchLog } from './legacy/batch-log.js';
import { RunQueries } from './runs/run.queries.js';
import { RunGauges } from './runs/run-gauges.js';
import { defineRunJobs, resumeActiveRuns, scheduleRecurringSyncs } from './runs/run.jobs.js';
import { ConnectedAccounts } from './accounts/connected-accounts.js';
import { TokenRefresher } from './accounts/token-refresher.js';
import { defineTokenRefreshJob } from './runs/token-refresh.job.js';
import { loadTokenKeyring } from './accounts/encryption-keys.js';
import { InProcessEventBus, type EventBus } from './run-events/event-bus.js';
import { RedisEventBus } from './run-events/redis-event-bus.js';
import { RunEventFeed } from './run-events/run-event-feed.js';
import { StoredRunEvents } from './run-events/stored-run-events.js';
import { StepSignals } from './runs/step-signals.js';
import { RunDriver } from './runs/run-driver.js';
import { RunLauncher } from './runs/run-launcher.js';
import { WorkerLifecycle } from './runs/worker-lifecycle.js';
import { Authenticator } from './auth/authenticator.js';
import type { Config } from './config/config.js';
import { createLogger, type Logger } from './config/logger.js';
import { deploymentNamespace, openDatabase } from './db/connection.js';
import { isFullyMigrated, migrateUp } from './db/migrator.js';
import { defineModels } from './db/models/define-models.js';
import { createRepositories } from './db/repositories/create-repositories.js';
import { purgeSyncedData } from './db/repositories/synced-data.purge.js';
import { RunEventRepository } from './run-events/run-event.repository.js';
import { RunRepository } from './runs/store/run.repository.js';
import { StepAccountRepository } from './runs/store/step-account.repository.js';
import { StepAccountClaimRepository } from './runs/store/step-account-claim.repository.js';
import { startApiServer } from './http/api-server.js';
import { startWorkerHttpServer } from './http/worker-http.server.js';
import { ServiceMetrics } from './http/metrics.js';
import { heapLimitMb } from './config/node-options.js';
import { GraphApiClient, type GraphApiClientOptions } from './instagram/index.js';
import { createSteps } from './sync/steps/index.js';
import { SyncedDataReader } from './sync/synced-data.reader.js';

/** Knobs tests and the demo turn; production uses the defaults. */
export interface AppOptions {
  logger?: Logger;
  graph?: GraphApiClientOptions;
  /** Agenda lock lifetime: how soon another worker takes over a dead worker's job. */
  lockLifetimeMs?: number;
  /** How often a run's driver looks at its step (and emits STEP_PROGRESS); at least 250 ms. */
  pollMs?: number;
  /** Poll interval for jobs queued by other processes when Redis is not configured. */
  processEveryMs?: number;
  /** Account-step jobs one worker runs at once; overrides `SYNC_ACCOUNT_CONCURRENCY` (tests). */
  accountConcurrency?: number;
  /** Overrides `SHUTDOWN_TIMEOUT_MS`: on stop, how long running jobs get to reach a checkpoint. */
  shutdownTimeoutMs?: number;
}

export interface App {
  readonly config: Config;
  readonly logger: Logger;
  /** Where it serves HTTP: the API, or a worker's health and metrics server. */
  readonly url: string;
  readonly sequelize: Sequelize;
  readonly agenda: Agenda;
  readonly launcher: RunLauncher;
  readonly queries: RunQueries;
  readonly accounts: ConnectedAccounts;
  stop(): Promise<void>;
}

const WORKER_WAIT_FOR_MIGRATIONS_MS = 120_000;

/** The composition root: builds every part from `config` and starts what the role needs. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config);
  const servesApi = config.role !== 'worker';
  const runsJobs = config.role !== 'api';
  const sequelize = await openDatabase(config.databaseUrl);
  if (servesApi) await migrateUp(sequelize);
  else await waitForMigrations(sequelize, logger);
  const tokenKeys = await loadTokenKeyring(config, logger);

  const namespace = deploymentNamespace(config.databaseUrl);
  const bus: EventBus = config.redisUrl
    ? await RedisEventBus.connect(config.redisUrl, namespace, logger)
    : new InProcessEventBus();
  const metrics = new ServiceMetrics();
  metrics.watch(bus);
  const repos = createRepositories(defineModels(sequelize), metrics.rows);
  const runs = new RunRepository(sequelize);
  const accountSteps = new StepAccountRepository(sequelize);
  const claims = new StepAccountClaimRepository(sequelize);
  const eventStore = new RunEventRepository(sequelize);
  const events = new StoredRunEvents(eventStore, bus);
  const graph = new GraphApiClient(config, { logger, metrics: metrics.graph, ...options.graph });
  const accounts = new ConnectedAccounts(repos.accounts, graph, tokenKeys, (id) =>
    purgeSyncedData(sequelize, id),
  );
  const tokens = new TokenRefresher(repos.accounts, graph, tokenKeys);
  const lockLifetimeMs = options.lockLifetimeMs ?? 120_000;
  const workerName = `${hostname()}:${process.pid}:${config.role}-${randomBytes(3).toString('hex')}`;
  const agenda = createAgenda({
    sequelize,
    redisUrl: config.redisUrl,
    namespace,
    concurrency: config.sync.concurrency,
    lockLifetimeMs,
    processEveryMs: options.processEveryMs ?? 2_000,
    name: workerName,
    onChannelError: (error) =>
      logger.warn({ err: error.message }, 'agenda notification channel error (polling meanwhile)'),
  });
  const log = new BatchLog(logger);
  const lifecycle = new WorkerLifecycle();
  const launcher = new RunLauncher({
    runs,
    events,
    accounts,
    agenda,
    timezone: config.sync.timezone,
    queueCapacity: config.sync.queueCapacity,
  });
  const queries = new RunQueries({
    runs,
    agenda,
    cron: config.sync.cron,
    deepCron: config.sync.deepCron,
    timezone: config.sync.timezone,
    concurrency: config.sync.concurrency,
    queueCapacity: config.sync.queueCapacity,
  });
  // What the driver and the account-step runner both work with.
  const runParts = {
    lifecycle,
    runs,
    accountSteps,
    claims,
    events,
    accounts,
    log,
    metrics: metrics.runs,
    signals: new StepSignals(),
  };
  const driver = new RunDriver(
    { ...runParts, agenda },
    { pollMs: Math.max(250, options.pollMs ?? 250), staleAfterMs: lockLifetimeMs },
  );
  const steps = createSteps({
    graph,
    repos,
    options: {
      mediaInsightCadence: config.sync.mediaInsightCadence,
      mediaTypeMetrics: config.sync.mediaTypeMetrics,
    },
  });
  const runner = new AccountStepRunner({
    ...runParts,
    steps,
    logger,
    timezone: config.sync.timezone,
    workerName,
    lockLifetimeMs,
  });
  defineRunJobs(
    agenda,
    { driver, runner, launcher, lifecycle, logger },
    {
      cron: config.sync.cron,
      deepCron: config.sync.deepCron,
      timezone: config.sync.timezone,
      concurrency: config.sync.concurrency,
      accountConcurrency: options.accountConcurrency ?? config.sync.accountConcurrency,
      lockLifetimeMs,
    },
  );
  defineTokenRefreshJob(agenda, tokens, logger);
  await agenda.ready;
  await scheduleRecurringSyncs(agenda, config.sync);
  if (runsJobs) {
    await agenda.start();
    await resumeActiveRuns(agenda, runs);
  }

  const feed = new RunEventFeed(runs, eventStore, bus);
  metrics.readFrom({ gauges: new RunGauges(runs, agenda), feed });
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? config.shutdownTimeoutMs;
  const http = servesApi
    ? await startApiServer(config, logger, shutdownTimeoutMs, {
        sequelize,
        agenda,
        launcher,
        queries,
        accounts,
        tokens,
        metrics,
        reads: new SyncedDataReader(repos),
        feed,
      })
    : await startWorkerHttpServer(
        {
          sequelize,
          metrics,
          authenticator: new Authenticator(config.auth.jwtSecret),
          metricsToken: config.auth.metricsToken,
          logger,
        },
        { port: config.port, host: config.host },
      );
  logger.info(
    { url: http.url, role: config.role, heapLimitMb: heapLimitMb() },
    'instagram-sync listening',
  );

  return {
    config,
    logger,
    url: http.url,
    sequelize,
    agenda,
    launcher,
    queries,
    accounts,
    // Shutdown: at once stop taking work — no new requests, WebSockets closed with 1001, Agenda
    // picks no more jobs and unlocks those it had not started — and let running jobs park at
    // their next checkpoint, released for another worker to resume at once, each within the
    // timeout; then close the stores.
    async stop() {
      await Promise.all([
        http.close(),
        agenda.stop().then(() => lifecycle.stop(shutdownTimeoutMs)),
      ]);
      graph.close();
      metrics.close();
      await bus.close();
      await sequelize.close();
    },
  };
}

async function waitForMigrations(sequelize: Sequelize, logger: Logger): Promise<void> {
  const deadline = Date.now() + WORKER_WAIT_FOR_MIGRATIONS_MS;
  while (!(await isFullyMigrated(sequelize).catch(() => false))) {
    if (Date.now() > deadline)
      throw new Error(
        'the database is not migrated: start an api process or run `npm run migrate`',
      );
    logger.info('waiting for migrations (run by the api process)');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
