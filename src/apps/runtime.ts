import { createServer } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import type { PgBoss } from 'pg-boss';
import { openDatabase, type Database } from '../adapters/db/database';
import { countOrganizations } from '../adapters/db/repositories/organizations';
import { crmConnectors } from '../adapters/connectors/registry';
import { emulatorDefinitions } from '../adapters/emulators/index';
import type { RunningEmulator } from '../adapters/emulators/kit/registry';
import { createMailer } from '../adapters/mailer/createMailer';
import { startSandboxSmtpServer, type SandboxSmtpServer } from '../adapters/mailer/sandboxSmtpServer';
import { startInboundSmtpListener, type InboundSmtpListener } from '../adapters/mailer/ceInboundSmtp';
import { receiveInboundEmail } from '../usecases/conversationalEmail/receiveInboundEmail';
import { reattachSandboxConnections } from '../usecases/integrations/reattachSandboxConnections';
import { systemClock, type Clock } from '../ports/clock';
import { seedDemoCompanies } from '../usecases/companies/seedDemoCompanies';
import { keepMasterIndexSnapshots, loadMasterIndex, warmMasterIndex, type MasterIndexSource } from '../usecases/matching/loadMasterIndex';
import { defaultMatchThreads } from '../usecases/matching/matchOnAllCores';
import { closeMatchWorkerPool } from '../adapters/matching/matchWorkerPool';
import type { JobQueue } from '../ports/jobQueue';
import type { Config } from './config';
import type { AppDeps } from './deps';
import { createLogger } from './logger';
import { withSecretKey } from './secretKey';
import { portOf, readSandboxPorts, startOnRememberedPort, writeSandboxPorts } from './sandboxEmulators';
import { seedDemoOrganisation, type DemoLogins } from './seedDemo';
import { buildApp } from './server/buildApp';
import { createBoss, prepareQueues, startWorkers } from './worker/jobRunner';

/** Masters of at least this many companies get their match threads started at warm-up (small ones rarely meet lists long enough to use them). */
const minCompaniesToWarmMatchThreads = 50_000;

export interface StartOptions {
  config: Config;
  /** 'all' (npm start): API + UI + workers in one process; 'worker': workers only (scale-out on PostgreSQL). */
  mode?: 'all' | 'worker';
  /** Create the demo organisation when the database is empty (npm start). Default true in 'all' mode; sandbox mode only. */
  isSeedingDemo?: boolean;
  logger?: Logger;
  clock?: Clock;
  /** Ad-channel connectors in place of adapters/connectors/adChannelRegistry.ts (browser tests aim production URLs at emulators). */
  adChannels?: AppDeps['adChannels'];
}

export interface RunningOpenabm {
  /** http://host:port of the API and UI; undefined in worker mode. */
  url: string | undefined;
  /** Set when this start created the demo organisation. */
  demo: DemoLogins | undefined;
  /** No organisation exists (outside sandbox mode nothing is seeded): the banner says how to create the first. */
  hasNoOrganisation: boolean;
  deps: AppDeps;
  /** The master index loading in the background from start (snapshot or build): where it came from once in memory, undefined if it failed. */
  masterIndexReady: Promise<MasterIndexSource | undefined>;
  close(): Promise<void>;
}

/**
 * Port 0 means "any free port"; it is chosen before anything is built, so the public URL (OAuth redirect URIs,
 * links in mails) names the real port.
 */
async function withConcretePort(config: Config): Promise<Config> {
  if (config.port !== 0) return config;
  const port = await new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, config.host, () => {
      const address = probe.address();
      const chosen = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(chosen));
    });
  });
  const publicUrl = config.publicUrl.endsWith(':0') ? `${config.publicUrl.slice(0, -2)}:${port}` : config.publicUrl;
  return Object.freeze({ ...config, port, publicUrl });
}

/** Starts openabm: database + migrations, sandbox emulators, pg-boss, workers, and the HTTP server. */
export async function startOpenabm(options: StartOptions): Promise<RunningOpenabm> {
  const mode = options.mode ?? 'all';
  const config = await withConcretePort(withSecretKey(options.config));
  const logger = options.logger ?? createLogger(config);
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closeOne of closers.reverse()) await closeOne().catch((error: unknown) => logger.error({ err: error }, 'shutdown step failed'));
  };
  try {
    const database: Database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      onIdleConnectionError: (error) => logger.warn({ err: error }, 'an idle PostgreSQL connection broke; a new one is opened for the next query'),
    });
    closers.push(() => database.close());
    logger.info({ database: database.kind }, 'database ready, migrations applied');
    // The master index is saved per companies version in the data directory: a restart loads it instead of rebuilding it.
    keepMasterIndexSnapshots(database.db, path.join(config.dataDir, 'index-snapshots'));
    closers.push(() => closeMatchWorkerPool());

    const sandboxUrls: Record<string, string> = {};
    const sandboxCredentials: Record<string, Readonly<Record<string, string>>> = {};
    if (config.isSandbox && mode === 'all') {
      // The ports of the last start, so the saved sandbox connections find their emulators again.
      const rememberedPorts = readSandboxPorts(config.dataDir);
      const emulators: Record<string, RunningEmulator> = {};
      for (const definition of emulatorDefinitions) {
        const emulator: RunningEmulator = await startOnRememberedPort(definition, rememberedPorts[definition.provider], logger);
        closers.push(() => emulator.close());
        emulators[definition.provider] = emulator;
        sandboxUrls[definition.provider] = emulator.baseUrl;
        sandboxCredentials[definition.provider] = emulator.credentials;
        logger.info({ provider: definition.provider, baseUrl: emulator.baseUrl }, 'sandbox emulator started');
      }
      writeSandboxPorts(config.dataDir, { ...rememberedPorts, ...Object.fromEntries(Object.entries(emulators).map(([provider, emulator]) => [provider, portOf(emulator.baseUrl)])) });
      if (config.secretKey) {
        const { reattachedCount } = await reattachSandboxConnections(emulators, { db: database.db, clock: options.clock ?? systemClock, secretKey: config.secretKey });
        if (reattachedCount > 0) logger.info({ connections: reattachedCount }, 'saved sandbox connections pointed at this start\'s emulators');
      }
    }

    // Sandbox mode without an SMTP server of its own: mail goes to a local SMTP server that keeps every message.
    let sandboxMailbox: SandboxSmtpServer | undefined;
    if (config.isSandbox && !config.smtpUrl) {
      const mailbox = await startSandboxSmtpServer({ port: 0 });
      sandboxMailbox = mailbox;
      closers.push(() => mailbox.close());
      logger.info({ smtpUrl: mailbox.url }, 'sandbox SMTP server started (Settings > Sandbox mailbox shows what was sent)');
    }

    // Sandbox: replies written as the lead on the Conversational Email sandbox mailbox arrive here over SMTP.
    let ceInbound: InboundSmtpListener | undefined;
    if (config.isSandbox && mode === 'all') {
      const listener = await startInboundSmtpListener();
      ceInbound = listener;
      closers.push(() => listener.close());
    }

    const boss: PgBoss = createBoss(database);
    boss.on('error', (error: unknown) => logger.error({ err: error }, 'job queue error'));
    await boss.start();
    closers.push(() => boss.stop({ graceful: true, timeout: 10_000 }));
    const jobs: JobQueue = await prepareQueues(boss);

    const deps: AppDeps = Object.freeze({
      config,
      database,
      db: database.db,
      clock: options.clock ?? systemClock,
      logger,
      jobs,
      mailer: createMailer(sandboxMailbox ? { ...config, smtpUrl: sandboxMailbox.url } : config, logger),
      sandboxMailbox,
      ceInboundSmtpPort: ceInbound?.port,
      sandboxUrls: Object.freeze(sandboxUrls),
      sandboxCredentials: Object.freeze(sandboxCredentials),
      connectors: crmConnectors,
      ...(options.adChannels ? { adChannels: options.adChannels } : {}),
    });

    ceInbound?.setHandler(async (mail) => {
      await receiveInboundEmail({ orgId: undefined, input: mail }, deps);
    });
    await startWorkers(boss, deps);
    const isSeedingDemo = options.isSeedingDemo ?? mode === 'all';
    // Outside sandbox mode nothing is seeded: the operator creates organisations (openabm orgs create).
    const demo = isSeedingDemo && config.isSandbox ? await seedDemoOrganisation(deps) : undefined;
    const hasNoOrganisation = (await countOrganizations(database.db)) === 0;
    if (isSeedingDemo && config.isSandbox) {
      // The sandbox CRMs' accounts are spellings of these companies, so matching has something to find.
      const seeded = await seedDemoCompanies(database);
      if (seeded.inserted > 0) logger.info({ companies: seeded.inserted }, 'demo master company database seeded');
    }

    let url: string | undefined;
    if (mode === 'all') {
      const app = await buildApp(deps);
      closers.push(() => app.close());
      await app.listen({ host: config.host, port: config.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      url = `http://${config.host}:${port}`;
    }
    // The master index in memory before the first match needs it (the snapshot of the current companies version, or
    // a build saved as one): in the background, once the listener is up and the demo companies are seeded.
    const warmUp = warmMasterIndex(database.db, { onError: (error) => logger.error({ err: error }, 'master index warm-up failed (the first match builds it)') });
    let isClosing = false;
    const threadsWarmUp = warmUp.done
      .then(async (source) => {
        if (!source || isClosing) return;
        logger.info({ source }, 'master index ready');
        // A large master: the match threads started and handed the index now, not by the first long list (~1 s).
        const index = await loadMasterIndex(database.db);
        const pool = defaultMatchThreads().pool;
        if (!isClosing && pool && index.size >= minCompaniesToWarmMatchThreads) pool.warmUp(index);
      })
      .catch((error: unknown) => logger.error({ err: error }, 'match threads warm-up failed (the first long list starts them)'));
    closers.push(async () => {
      isClosing = true;
      warmUp.stop();
      await warmUp.done;
      await threadsWarmUp;
    });
    return { url, demo, hasNoOrganisation, deps, masterIndexReady: warmUp.done, close };
  } catch (error) {
    await close();
    throw error;
  }
}
