import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Budget of issue 7 (docs/performance.md, "Console on slow links"): JavaScript of the first load. */
const FIRST_LOAD_JS_BUDGET = 150 * 1024;

const CONSOLE = join(process.cwd(), 'dist/apps/console');

/**
 * The scripts the built index.html loads before anything else (its module entry and modulepreloads),
 * as the gateway sends them: their brotli files. `npm run bench:console` measures the real first
 * visit in a throttled browser, headers and lazy chunks of the sign-in page included; this check
 * catches a first load that grew past the budget in every test run, without a browser.
 */
function firstLoadScripts(): string[] {
  const html = readFileSync(join(CONSOLE, 'index.html'), 'utf8');
  const paths = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="(\/assets\/[^"]+\.js)"/g)];
  return [...new Set(paths.map((match) => match[1]))];
}

describe('the console’s first load', () => {
  it('sends at most 150 KB of JavaScript, compressed, before the sign-in page runs', () => {
    const scripts = firstLoadScripts();
    expect(scripts.length).toBeGreaterThan(1);
    const bytes = scripts.reduce(
      (sum, path) => sum + statSync(join(CONSOLE, `${path.slice(1)}.br`)).size,
      0,
    );
    expect(bytes).toBeLessThanOrEqual(FIRST_LOAD_JS_BUDGET);
  });

  it('leaves the English texts out of it (fetched only when an officer chooses English)', () => {
    const first = firstLoadScripts()
      .map((path) => readFileSync(join(CONSOLE, path.slice(1)), 'utf8'))
      .join('\n');
    expect(first).toContain('Kotak masuk');
    expect(first).not.toContain('Switch language to Bahasa Indonesia');
  });
});
