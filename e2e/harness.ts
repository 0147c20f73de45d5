import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import axe from 'axe-core';
import sparticuzChromium from '@sparticuz/chromium';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { testConfig } from '../src/apps/config';
import type { AppDeps } from '../src/apps/deps';
import { startOpenabm, type RunningOpenabm, type StartOptions } from '../src/apps/runtime';
import { seedDemoOrganisation } from '../src/apps/seedDemo';
import type { Role } from '../src/domain/permissions/roles';
import { migratedPgliteTemplate, prepareMigratedPgliteDataDir } from '../src/test/databases';
import { seedDemoCompanies } from '../src/usecases/companies/seedDemoCompanies';
import { openDatabase } from '../src/adapters/db/database';
import { createBoss, prepareQueues } from '../src/apps/worker/jobRunner';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Browser tests run the whole product as a user gets it: API + worker + built UI on one port, PGlite in a fresh
 * temporary data directory (a copy of the tests' migrated template, see isStartingFromScratch), the demo organisation seeded, and Chromium driven by playwright-core: Debian's
 * `/usr/bin/chromium` when installed, otherwise the build shipped inside the `@sparticuz/chromium` npm package (it
 * unpacks its binary into the temporary folder at run time; nothing is downloaded).
 */
const repoRoot = path.resolve(import.meta.dirname, '..');
const DEBIAN_CHROMIUM_PATH = '/usr/bin/chromium';

/** The Chromium binary the browser tests drive, and where it came from. */
export async function resolveChromium(): Promise<{ readonly executablePath: string; readonly source: 'debian' | 'npm' }> {
  if (existsSync(DEBIAN_CHROMIUM_PATH)) return { executablePath: DEBIAN_CHROMIUM_PATH, source: 'debian' };
  return { executablePath: await sparticuzChromium.executablePath(), source: 'npm' };
}

export interface OpenabmUnderTest {
  readonly url: string;
  /** The test organisation's logins: one user per role, sharing one one-time password. */
  readonly demo: { readonly orgId: string; readonly emails: Readonly<Record<Role, string>>; readonly password: string };
  /** The running instance's dependencies (database, emulator URLs…) for set-up the UI does not offer. */
  readonly deps: AppDeps;
  close(): Promise<void>;
}

export interface TestOpenabmOptions {
  /**
   * false starts openabm outside sandbox mode, as a customer runs it: no emulators, no sandbox mailbox, no demo
   * companies; the harness creates the organisation with one user per role itself (what the operator's
   * `openabm orgs create` and Settings > Users do). Default true.
   */
  readonly isSandbox?: boolean;
  /**
   * Ad-channel connectors in place of the real ones (outside sandbox: production URLs aimed at emulators). Called as
   * openabm starts, so it can name emulators that a beforeAll registered earlier in the file started.
   */
  readonly adChannels?: () => NonNullable<StartOptions['adChannels']>;
  /**
   * true starts on an empty data directory, as `npm start` does the first time: PGlite's initdb, every migration and
   * (in sandbox) the 50,000 demo companies, all done by the start. Default false: the data directory's database is a
   * copy of the tests' migrated template, in sandbox with the demo companies already seeded (the start then seeds the
   * demo organisation only), which saves a browser test file about 10 CPU-seconds.
   */
  readonly isStartingFromScratch?: boolean;
}

/**
 * The migrated template with the demo companies seeded as a sandbox start seeds them (the same function) and pg-boss's
 * tables as its first start makes them. Made once per run by the first browser test file that needs it and kept in
 * the run's folder (globalSetup's OPENABM_TEST_RUN_DIR; without one, made in this process only); a file starting
 * meanwhile waits for it (a lock file naming the maker's process) instead of making it a second time.
 */
let demoCompaniesPromise: Promise<Blob> | undefined;

function demoCompaniesTemplate(): Promise<Blob> {
  demoCompaniesPromise ??= (async () => {
    const runDir = process.env.OPENABM_TEST_RUN_DIR;
    if (runDir === undefined) return new Blob([await makeDemoCompaniesTemplate()]);
    const file = path.join(runDir, 'pglite-demo-companies.tar');
    const lock = `${file}.lock`;
    for (;;) {
      if (existsSync(file)) return new Blob([readFileSync(file)]);
      if (takeLock(lock)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    try {
      const bytes = await makeDemoCompaniesTemplate();
      // Written whole, then renamed: a test file starting at the same moment never reads half a dump.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, bytes);
      renameSync(partial, file);
      return new Blob([bytes]);
    } finally {
      rmSync(lock, { force: true });
    }
  })();
  return demoCompaniesPromise;
}

/** Creates the lock file with this process's id; takes over one whose process is gone. */
function takeLock(lock: string): boolean {
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  let holder: number;
  try {
    holder = Number(readFileSync(lock, 'utf8') || Number.NaN);
  } catch (error) {
    // Removed by its maker meanwhile: the next look finds the template.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (Number.isInteger(holder) && holder > 0) {
    try {
      process.kill(holder, 0);
      return false;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  } else {
    // Created but not yet written by its maker: wait for the next look.
    return false;
  }
  rmSync(lock, { force: true });
  return false;
}

async function makeDemoCompaniesTemplate(): Promise<Buffer<ArrayBuffer>> {
  const database = await openDatabase({ loadDataDir: await migratedPgliteTemplate() });
  try {
    const { inserted } = await seedDemoCompanies(database);
    if (inserted === 0) throw new Error('the migrated template already holds companies: the demo companies were not seeded');
    // pg-boss's schema and the catalog's queues, as a first start leaves them (a start then finds them, as a restart does).
    const boss = createBoss(database);
    await boss.start();
    await prepareQueues(boss);
    await boss.stop({ graceful: false });
    return Buffer.from(await (await (database.pglite as PGlite).dumpDataDir('none')).arrayBuffer());
  } finally {
    await database.close();
  }
}

/** Fails with the command to run when the UI was not built, instead of a blank page later. */
export function assertWebBuilt(): void {
  if (!existsSync(path.join(repoRoot, 'web/dist/index.html'))) {
    throw new Error('web/dist/index.html is missing: run `npm run build:web` before the browser tests (npm test does).');
  }
}

export async function startTestOpenabm(options: TestOpenabmOptions = {}): Promise<OpenabmUnderTest> {
  assertWebBuilt();
  const isSandbox = options.isSandbox ?? true;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'openabm-e2e-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  let running: RunningOpenabm;
  try {
    if (options.isStartingFromScratch !== true) await prepareMigratedPgliteDataDir(dataDir, isSandbox ? demoCompaniesTemplate : undefined);
    running = await startOpenabm({ config: testConfig({ dataDir, port: 0, isSandbox }), isSeedingDemo: isSandbox, adChannels: options.adChannels?.() });
  } catch (error) {
    removeDataDir();
    throw error;
  }
  const close = async () => {
    await running.close();
    removeDataDir();
  };
  // Outside sandbox nothing is seeded at start: the same one-user-per-role organisation, created here.
  const demo = running.demo ?? (isSandbox ? undefined : await seedDemoOrganisation(running.deps));
  if (running.url === undefined || demo === undefined) {
    await close();
    throw new Error('openabm started without a URL or without its test organisation');
  }
  return { url: running.url, demo, deps: running.deps, close };
}

export interface TestBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const { executablePath } = await resolveChromium();
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'openabm-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    viewport: { width: 1360, height: 860 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Fail with Playwright's own message (which locator, what it waited for) well before Vitest's test timeout.
  context.setDefaultTimeout(15_000);
  // The UI must work under the server's Content-Security-Policy: Chromium reports each blocked script, style or
  // image as a console error, and the file fails when it closes the browser if there was any.
  const cspViolations: string[] = [];
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(`${message.page()?.url() ?? ''}: ${message.text()}`);
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
      if (cspViolations.length > 0) throw new Error(`The Content-Security-Policy blocked something:\n${cspViolations.join('\n')}`);
    },
  };
}

/**
 * A fresh page with its own cookies: each test logs in as whom it needs. Persistent contexts share cookies, so
 * they are cleared first.
 */
export async function newPage(browser: TestBrowser): Promise<Page> {
  await browser.context.clearCookies();
  for (const page of browser.context.pages()) await page.close();
  return browser.context.newPage();
}

export interface OpenabmAndBrowser {
  /** The running openabm; read inside tests and hooks (it is started in beforeAll). */
  readonly openabm: OpenabmUnderTest;
  readonly browser: TestBrowser;
  /** A fresh page logged in as the test organisation's user of that role. */
  logInAs(role: Role, options?: { isKeepingPrompt?: boolean }): Promise<Page>;
}

/**
 * One openabm and one Chromium for the whole test file: registers the beforeAll that starts them (openabm first) and
 * the afterAll that closes them (browser first, so its Content-Security-Policy check runs), and returns getters.
 * `hookTimeoutMs` (default 240 s: the first sandbox file of a run makes the demo companies' template, and a file starting
 * meanwhile waits for it) is for files whose start seeds more than usual on a loaded machine.
 */
export function useOpenabmAndBrowser(options: TestOpenabmOptions & { readonly hookTimeoutMs?: number } = {}): OpenabmAndBrowser {
  let openabm: OpenabmUnderTest | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    openabm = await startTestOpenabm(options);
    browser = await launchBrowser();
  }, options.hookTimeoutMs ?? 240_000);
  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await openabm?.close();
    }
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: read it inside a test or a hook, after useOpenabmAndBrowser's beforeAll`);
    return value;
  };
  return {
    get openabm() {
      return started(openabm, 'openabm');
    },
    get browser() {
      return started(browser, 'the browser');
    },
    async logInAs(role, logInOptions) {
      const app = started(openabm, 'openabm');
      const page = await newPage(started(browser, 'the browser'));
      await logIn(page, app.url, app.demo.emails[role], app.demo.password, logInOptions);
      return page;
    },
  };
}

/**
 * The password each demo user chose at its first log-in in this test file, by server URL and e-mail: a one-time
 * password works once, so later log-ins of the same user use the chosen one.
 */
const chosenPasswords = new Map<string, string>();

/** The password a user logs in with now: the one the harness chose at its first log-in, else the one given. */
export function currentPassword(baseUrl: string, email: string, oneTimePassword: string): string {
  return chosenPasswords.get(`${baseUrl} ${email.toLowerCase()}`) ?? oneTimePassword;
}

/** The log-in page, filled in and submitted; waits for the app. */
async function submitLogIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('user-menu').waitFor();
}

/**
 * Logs in through the log-in page. A user still on its one-time password gets the (undismissable) prompt to choose
 * one: by default the harness chooses one and remembers it; `isKeepingPrompt` leaves the prompt open for the test.
 */
export async function logIn(page: Page, baseUrl: string, email: string, password: string, options: { isKeepingPrompt?: boolean } = {}): Promise<void> {
  const key = `${baseUrl} ${email.toLowerCase()}`;
  const chosen = chosenPasswords.get(key);
  await submitLogIn(page, baseUrl, email, chosen ?? password);
  // Whether the prompt comes is the session's decision, read from the API instead of guessed from the screen.
  const mustChangePassword = await page.evaluate(async () => {
    const response = await fetch('/api/auth/session', { credentials: 'same-origin' });
    return ((await response.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword;
  });
  if (!mustChangePassword || options.isKeepingPrompt === true) return;
  const newPassword = `${password} chosen in e2e`;
  const prompt = page.getByRole('dialog', { name: 'Change your one-time password' });
  await prompt.getByLabel('One-time password').fill(password);
  await prompt.getByRole('textbox', { name: 'New password', exact: true }).fill(newPassword);
  await prompt.getByLabel('Repeat new password').fill(newPassword);
  await prompt.getByRole('button', { name: 'Change password' }).click();
  await prompt.waitFor({ state: 'hidden' });
  chosenPasswords.set(key, newPassword);
}

/**
 * Screenshots for people to look at, never compared by tests: set OPENABM_E2E_SCREENSHOTS=1 to write
 * .tmp/screenshots/<name>.png.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.OPENABM_E2E_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: path.join(repoRoot, '.tmp/screenshots', `${name}.png`), fullPage: true });
}

/** axe-core rule sets the browser tests hold pages to: WCAG 2.1 A and AA. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AccessibilityViolation {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * Runs axe-core on the page as it is now and returns the serious and critical violations (minor and moderate ones
 * are left to review), each with its rule, help text and the first elements it found. axe-core is injected once per
 * document (client-side navigations keep it), and only violations are collected: re-injecting its 500 kB source and
 * collecting passes cost most of a scan's time. `rules` narrows the scan (the colour rules for a second colour scheme).
 */
export async function scanAccessibility(page: Page, options: { rules?: readonly string[] } = {}): Promise<AccessibilityViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const runOnly = options.rules === undefined ? { type: 'tag', values: AXE_TAGS } : { type: 'rule', values: [...options.rules] };
  const violations = await page.evaluate(async (run) => {
    const scanner = (window as unknown as { axe: typeof axe }).axe;
    const results = await scanner.run(document, { runOnly: run as axe.RunOnly, resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}${node.failureSummary ? ` (${node.failureSummary.replaceAll('\n', ' ')})` : ''}`),
    }));
  }, runOnly);
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Fails with every serious or critical axe-core violation of the page, listed by rule and element. */
export async function expectAccessible(page: Page, where: string, options: { rules?: readonly string[] } = {}): Promise<void> {
  const violations = await scanAccessibility(page, options);
  if (violations.length > 0) {
    throw new Error(`${where}: ${violations.length} serious/critical accessibility violation(s):\n${violations.map((v) => `- [${v.impact}] ${v.rule}: ${v.help}\n    ${v.targets.join('\n    ')}`).join('\n')}`);
  }
}

/**
 * Waits until the page under the app shell has settled: its h1 (or, for an object that is not found, its error) is
 * shown and no skeleton or loader is left in main, so a scan sees the page and not its loading state.
 */
export async function waitForPageSettled(page: Page): Promise<void> {
  await page.locator('main h1, main [role="alert"]').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('main .mantine-Skeleton-root, main .mantine-Loader-root').length === 0);
}
