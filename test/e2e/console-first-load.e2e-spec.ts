import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const CONSOLE = join(process.cwd(), 'dist/apps/console');

/**
 * The scripts the built index.html loads before anything else (its module entry and modulepreloads),
 * as built. (Their bytes on the wire are checked in the browser: console.e2e-spec.ts, sign-in.)
 */
function firstLoadScripts(): string[] {
  const html = readFileSync(join(CONSOLE, 'index.html'), 'utf8');
  const paths = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="(\/assets\/[^"]+\.js)"/g)];
  return [...new Set(paths.map((match) => match[1]))];
}

describe('the console’s first load', () => {
  it('leaves the English texts out of it (fetched only when an officer chooses English)', () => {
    const first = firstLoadScripts()
      .map((path) => readFileSync(join(CONSOLE, path.slice(1)), 'utf8'))
      .join('\n');
    expect(first).toContain('Kotak masuk');
    expect(first).not.toContain('Switch language to Bahasa Indonesia');
  });
});
