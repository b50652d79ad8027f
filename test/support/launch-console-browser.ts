import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it when missing). */
export const CHROMIUM = process.env.SIMPUL_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 900 },
  locale: 'id-ID',
  timezoneId: 'Asia/Jakarta',
};

/** A small phone: 360 × 740 CSS pixels, touch, as many officers in NTT use. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'id-ID',
  timezoneId: 'Asia/Makassar',
};

export interface ConsolePage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and Content Security Policy violations seen in this tab. */
  problems: string[];
}

export interface ConsoleBrowser {
  browser: Browser;
  /** A fresh context (its own cookies, storage and service worker) with one recorded tab. */
  newPage(options?: BrowserContextOptions): Promise<ConsolePage>;
  close(): Promise<void>;
}

/**
 * One headless Chromium for the whole suite; every officer gets its own context. Each tab
 * records CSP violations (the `securitypolicyviolation` event, reported before any page script
 * runs) next to console and page errors, so a test fails on a style or script the CSP blocked.
 */
export async function launchConsoleBrowser(): Promise<ConsoleBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    newPage: async (options = DESKTOP) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      await context.addInitScript(`document.addEventListener('securitypolicyviolation', (event) => {
        console.error('CSP violation: ' + event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' ' + event.sample);
      });`);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      return { page, context, problems };
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
    },
  };
}

let axeSource: string | undefined;

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.x A/AA rules) on the page as it is and returns the serious and critical
 * findings. axe is evaluated through the DevTools protocol, which the page's CSP does not
 * govern, so the console runs under its real policy while it is checked.
 */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  axeSource ??= await readFile(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate<AxeFinding[]>(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
    .then((result) => result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    })))`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * A full-page screenshot of the tab as `name`.png, into SIMPUL_SCREENSHOT_DIR (docs/screenshots
 * when refreshing the README's pictures) or dist/screenshots. Every console test takes one per
 * screen it shows, so a new screen gets its picture the day it gets its test.
 */
export async function screenshot({ page }: Pick<ConsolePage, 'page'>, name: string): Promise<void> {
  const dir = process.env.SIMPUL_SCREENSHOT_DIR ?? join(process.cwd(), 'dist/screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
