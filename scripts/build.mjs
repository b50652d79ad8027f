// Compiles apps/, libs/ and test/bench with swc into dist/ as CommonJS, rewriting the
// @simpul/* path aliases to relative paths. Type checking is `npm run typecheck` (tsc),
// kept out of the build so that `npm start` is ready quickly on a 2-core machine.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile, cp, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = ['apps', 'libs', 'test/bench', 'test/support'];
const skip = /\.(spec|integration-spec|e2e-spec)\.ts$/;

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    baseUrl: root,
    paths: Object.fromEntries(
      (await readdir(join(root, 'libs'))).map((lib) => [
        `@simpul/${lib}`,
        [`libs/${lib}/src/index.ts`],
      ]),
    ),
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
};

await rm(join(root, 'dist'), { recursive: true, force: true });
let count = 0;
for (const source of sources) {
  const dir = join(root, source);
  if (!(await stat(dir).catch(() => null))) continue;
  for await (const file of walk(dir)) {
    const out = join(root, 'dist', relative(root, file));
    await mkdir(dirname(out), { recursive: true });
    if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
      if (skip.test(file)) continue;
      const { code, map } = await transformFile(file, {
        ...options,
        filename: file,
        sourceFileName: relative(dirname(out), file),
      });
      const js = out.replace(/\.ts$/, '.js');
      await writeFile(js, `${code}\n//# sourceMappingURL=${js.split('/').pop()}.map\n`);
      if (map) await writeFile(`${js}.map`, map);
      count++;
    } else {
      await cp(file, out);
    }
  }
}
console.log(`build: ${count} files compiled into dist/`);
