#!/usr/bin/env node
// `npx simpul-verify FILE --keys KEYS.json`: the offline ledger verifier (apps/verifier). It needs
// only the export and the published keys; the first run in a fresh checkout compiles it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/apps/verifier/src/main.js');
if (!existsSync(cli)) {
  // The verifier needs the Node code only: the console's Vite build would only make it slower.
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--no-console'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) process.exit(2);
}
createRequire(import.meta.url)(cli);
