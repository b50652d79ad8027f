import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/*
 * A clone of the repository with nothing beside it must build, test and explain itself: docs,
 * comments, tests and scripts name only files inside it. This reads every tracked text file and
 * fails on a reference to the design folder the project started from, or on a repository path
 * (docs/…, schema/…, test/…, a *.md or *.graphql file) that does not exist.
 */

const ROOT = process.cwd();

/** Spelled in pieces so that this file does not trip its own check. */
const OUTSIDE = [
  ['..', 'shared'].join('/'),
  ['shared', 'design'].join('/'),
  ['stack', 'notes'].join('-'),
  ['DESIGN', 'md'].join('.'),
];

/** Files the README's steps create and git ignores (docker/README.md: the compose secrets). */
const GENERATED = new Set(['docker/.env', 'docker/metrics-token']);

/** Files that are not text or that only quote the registry (lockfile). */
const SKIPPED = /(^|\/)package-lock\.json$|\.(png|jpe?g|gif|ico|woff2?)$/;

function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((file) => file !== '' && existsSync(join(ROOT, file)));
  } catch {
    // Not a git checkout (an exported tree): read the tree as it is, minus generated folders.
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        if (['node_modules', 'dist', '.git', '.simpul', 'coverage'].includes(entry.name)) continue;
        const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else found.push(path);
      }
    };
    walk('');
    return found;
  }
}

const tracked = trackedFiles();
const files = tracked.filter((file) => !SKIPPED.test(file));
// Every tracked file can be named, images included (the README links the console's screenshots).
const known = new Set<string>();
for (const file of tracked) {
  const parts = file.split('/');
  for (let i = 1; i <= parts.length; i++) known.add(parts.slice(0, i).join('/'));
}

/** Paths into the repository's own folders, and *.md / *.graphql file names, as written. */
const REPOSITORY_PATH =
  /(?<![\w./@$-])(?:\.\.?\/)*(?:apps|libs|docs|schema|scripts|test|docker|\.ci)\/[\w./-]*/g;
const DOCUMENT_NAME = /(?<![\w./@$-])(?:\.\.?\/)*\w[\w./-]*\.(?:md|graphql)\b/g;

/**
 * The paths a text mentions, without a sentence's closing punctuation. Globs (`libs/*`), templates
 * (`libs/<lib>`, `${…}`) and references such as `docker/dockerfile:1` are patterns, not paths.
 */
function mentions(text: string): string[] {
  const found = new Set<string>();
  for (const pattern of [REPOSITORY_PATH, DOCUMENT_NAME]) {
    for (const match of text.matchAll(pattern)) {
      const next = text.charAt(match.index + match[0].length);
      if ('*<{$:'.includes(next) && next !== '') continue;
      found.add(match[0].replace(/[./-]+$/, ''));
    }
  }
  return [...found];
}

/** A mention resolves from the mentioning file's folder or from the repository root. */
function resolves(from: string, mention: string): boolean {
  return [join(dirname(from), mention), mention]
    .map((path) => normalize(path).replaceAll('\\', '/'))
    .some((path) => known.has(path) || known.has(`${path}.ts`) || GENERATED.has(path));
}

function read(file: string): string {
  // URLs name other people's files; they are not paths into this repository.
  return readFileSync(join(ROOT, file), 'utf8').replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, '');
}

describe('the repository stands on its own', () => {
  it('finds the tracked files it checks', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'schema/contract.graphql']));
  });

  it('references no file outside the repository', () => {
    const offenders = files.flatMap((file) => {
      const text = read(file);
      return OUTSIDE.filter((outside) => text.includes(outside)).map(
        (outside) => `${file}: ${outside}`,
      );
    });
    expect(offenders).toEqual([]);
  });

  it('names only repository paths and documents that exist', () => {
    const dangling = files.flatMap((file) => {
      return mentions(read(file))
        .filter((mention) => !resolves(file, mention))
        .map((mention) => `${file}: ${mention}`);
    });
    expect(dangling).toEqual([]);
  });

  it('keeps the contract the served schema extends inside the repository', () => {
    const contract = readFileSync(join(ROOT, 'schema/contract.graphql'), 'utf8');
    expect(contract).toMatch(/^# Simpul core API contract\./);
    expect(contract).toContain('type Query {');
  });
});
