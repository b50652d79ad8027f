// Import resolver (eslint-module-utils interface v2) for eslint-plugin-boundaries: resolves
// `@simpul/<lib>` to libs/<lib>/src/index.ts — the tsconfig paths — and everything else as Node
// does, with TypeScript extensions. Without it the plugin would see every lib as an npm package.
const path = require('node:path');
const fs = require('node:fs');
const nodeResolver = require('eslint-import-resolver-node');

const root = path.resolve(__dirname, '..');
const extensions = ['.ts', '.js', '.mjs', '.cjs', '.json'];

exports.interfaceVersion = 2;

exports.resolve = (source, file) => {
  const lib = /^@simpul\/([a-z-]+)$/.exec(source);
  if (lib) {
    const index = path.join(root, 'libs', lib[1], 'src', 'index.ts');
    return fs.existsSync(index) ? { found: true, path: index } : { found: false };
  }
  return nodeResolver.resolve(source, file, { extensions });
};
