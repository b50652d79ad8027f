import type { BrowserContextOptions } from 'playwright-core';
import {
  launchConsoleBrowser,
  type ConsoleBrowser,
  type ConsolePage,
} from './launch-console-browser';
import {
  appStep,
  startAppProcesses,
  type AppProcesses,
  type StartOptions,
} from './start-app-processes';

export interface ConsoleSuite {
  /** The gateway and worker under test, once started. */
  readonly apps: AppProcesses | undefined;
  /** Starts gateway and worker (stopping those started before) and, the first time, Chromium. */
  start(options?: StartOptions): Promise<AppProcesses>;
  /** A fresh recorded tab (its own context): what goes wrong in it fails the test it happens in. */
  open(options?: BrowserContextOptions): Promise<ConsolePage>;
  /** A test whose failure report carries the apps' last output. */
  step(name: string, body: () => Promise<void>): void;
  /** Cleanup run after the browser and the apps stopped (a database to drop, a folder to remove). */
  afterClose(cleanup: () => Promise<void> | void): void;
}

/**
 * What every console browser test shares, called inside its `describe`: the apps and one
 * Chromium it owns, the tabs it opened, and the two hooks — after each test, no CSP violation,
 * console error or page error in any tab so far (a step that expects one empties that tab's
 * `problems` itself); after all, the browser closed and the apps stopped, then `afterClose`.
 */
export function consoleSuite({
  stepTimeoutMs = 90_000,
  closeTimeoutMs = 60_000,
}: { stepTimeoutMs?: number; closeTimeoutMs?: number } = {}): ConsoleSuite {
  let apps: AppProcesses | undefined;
  let browser: ConsoleBrowser | undefined;
  const tabs: ConsolePage[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];

  afterEach(() => {
    const problems = tabs.flatMap((tab) => tab.problems.splice(0));
    expect(problems).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await apps?.stop();
    for (const cleanup of cleanups) await cleanup();
  }, closeTimeoutMs);

  return {
    get apps() {
      return apps;
    },
    start: async (options) => {
      await apps?.stop();
      apps = undefined;
      apps = await startAppProcesses(options);
      browser ??= await launchConsoleBrowser();
      return apps;
    },
    open: async (options) => {
      if (!browser) throw new Error('consoleSuite: start() the apps before opening a tab');
      const tab = await browser.newPage(options);
      tabs.push(tab);
      return tab;
    },
    step: appStep(() => apps, stepTimeoutMs),
    afterClose: (cleanup) => {
      cleanups.push(cleanup);
    },
  };
}
