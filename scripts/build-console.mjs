// Builds the console (apps/console, React + TypeScript) with Vite into dist/apps/console, where the
// gateway serves it. Besides Vite's hashed bundle it writes:
// - mantine-variables.css: the CSS variables and global classes Mantine would otherwise inject as
//   <style> elements at run time, which the gateway's CSP (style-src 'self') blocks; rendered once
//   here from the console's theme with react-dom/server and bundled as an ordinary stylesheet;
// - sw.js: the service worker, with the list of files of this build to keep for offline use;
// - a .br and a .gz beside every text file, served by the gateway to browsers that accept them.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const consoleSource = join(root, 'apps/console');
export const consoleOutput = join(root, 'dist/apps/console');

const VIRTUAL_MANTINE_CSS = 'virtual:mantine-variables.css';

/** Mantine's CSS variables and global classes for the console's theme, as static CSS. */
async function mantineVariablesCss() {
  const [{ createElement }, { renderToStaticMarkup }, { MantineProvider, createTheme }, json] = await Promise.all([
    import('react'),
    import('react-dom/server'),
    import('@mantine/core'),
    readFile(join(consoleSource, 'src/app/theme.json'), 'utf8'),
  ]);
  const theme = createTheme(JSON.parse(json));
  const html = renderToStaticMarkup(createElement(MantineProvider, { theme, forceColorScheme: 'light', deduplicateCssVariables: false }, null));
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  if (styles.length === 0) throw new Error('Mantine rendered no CSS variables');
  return styles.join('\n');
}

function mantineVariablesPlugin() {
  return {
    name: 'simpul-mantine-variables',
    resolveId: (id) => (id === VIRTUAL_MANTINE_CSS ? `\0${VIRTUAL_MANTINE_CSS}` : undefined),
    load: async (id) => (id === `\0${VIRTUAL_MANTINE_CSS}` ? mantineVariablesCss() : undefined),
  };
}

/**
 * sw.js from apps/console/src/service-worker.js with this build's files and a version. It runs at
 * writeBundle, when the bundle is final: at generateBundle Vite still lists the empty JavaScript
 * chunks of CSS-only modules it removes afterwards, and one missing file in the shell list makes
 * the service worker's install (cache.addAll) fail, so nothing would ever open offline.
 */
function serviceWorkerPlugin() {
  return {
    name: 'simpul-service-worker',
    apply: 'build',
    async writeBundle(options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => !f.endsWith('.map'))
        .sort();
      const template = await readFile(join(consoleSource, 'src/service-worker.js'), 'utf8');
      const { createHash } = await import('node:crypto');
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const shell = ['/', ...files.filter((f) => f !== 'index.html').map((f) => `/${f}`)];
      const source = template
        .replace('__SHELL_VERSION__', version)
        .replace(/['"]__SHELL_FILES__['"]/, JSON.stringify(shell));
      await writeFile(join(options.dir, 'sw.js'), source);
    },
  };
}

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

const COMPRESSIBLE = /\.(js|css|html|svg|json|webmanifest|txt)$/;

/** foo.js → foo.js.br + foo.js.gz (maximum quality: this runs once per build, not per request). */
async function precompress(dir) {
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  for await (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const data = await readFile(file);
    await writeFile(
      `${file}.br`,
      await br(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
    );
    await writeFile(`${file}.gz`, await gz(data, { level: 9 }));
  }
}

export function consoleViteConfig() {
  return {
    root: consoleSource,
    configFile: false,
    base: '/',
    logLevel: 'warn',
    publicDir: join(consoleSource, 'public'),
    plugins: [mantineVariablesPlugin(), serviceWorkerPlugin()],
    oxc: { jsx: { runtime: 'automatic' } },
    build: {
      outDir: consoleOutput,
      emptyOutDir: true,
      assetsDir: 'assets',
      target: 'es2022',
      sourcemap: false,
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 400,
      rolldownOptions: {
        // Mantine marks its modules "use client" (a React Server Components hint); meaningless here.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
        checks: { pluginTimings: false },
      },
    },
  };
}

/** Refuses a build whose service worker would try to keep a file that is not there. */
async function checkServiceWorkerShell() {
  const source = await readFile(join(consoleOutput, 'sw.js'), 'utf8');
  const shell = JSON.parse(source.match(/const SHELL = (\[.*?\]);/)?.[1] ?? 'null');
  if (!Array.isArray(shell)) throw new Error('sw.js: no shell file list was filled in');
  for (const file of shell) {
    const path = join(consoleOutput, file === '/' ? 'index.html' : file);
    await stat(path).catch(() => {
      throw new Error(`sw.js lists ${file}, which the build did not write`);
    });
  }
}

/** Builds the console; returns the compressed size of the JavaScript the first page loads. */
export async function buildConsole() {
  const { build } = await import('vite');
  await build(consoleViteConfig());
  await checkServiceWorkerShell();
  await precompress(consoleOutput);
  let files = 0;
  for await (const file of walk(consoleOutput)) if (!/\.(br|gz)$/.test(file)) files++;
  return { files, dir: relative(root, consoleOutput), size: (await stat(consoleOutput)).size };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const { files, dir } = await buildConsole();
  console.log(`build: console (${files} files) built into ${dir} in ${Date.now() - started} ms`);
}
