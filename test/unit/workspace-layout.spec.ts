import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The workspace files describe the folders that exist: nest-cli.json (read by Nest's generators,
 * `npx @nestjs/cli generate … --project <lib>`) lists every app and lib, and tsconfig.base.json maps
 * every lib to its index.ts as `@simpul/<lib>`. The build (scripts/build.mjs) and Jest find libs by
 * folder; a lib missing here would still build but be invisible to tooling and the type checker.
 */

const ROOT = process.cwd();

interface NestProject {
  type: 'application' | 'library';
  root: string;
  sourceRoot: string;
  entryFile: string;
}

const folders = (parent: string): string[] =>
  readdirSync(join(ROOT, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

const nestCli = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as {
  root: string;
  sourceRoot: string;
  projects: Record<string, NestProject>;
};
const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};

const libs = folders('libs');
/** Node applications start at src/main.ts; apps/console is a browser app the gateway serves. */
const nestApps = folders('apps').filter((app) => existsSync(join(ROOT, `apps/${app}/src/main.ts`)));

const projectsOfType = (type: NestProject['type']): string[] =>
  Object.entries(nestCli.projects)
    .filter(([, project]) => project.type === type)
    .map(([name]) => name)
    .sort();

describe('workspace layout', () => {
  it('finds the libs and apps it compares', () => {
    expect(libs).toEqual(expect.arrayContaining(['admin', 'privacy', 'referral']));
    expect(nestApps).toEqual(['gateway', 'verifier', 'worker']);
    expect(folders('apps')).toEqual([...nestApps, 'console'].sort());
  });

  it('lists every lib under libs/ in nest-cli.json, and nothing else', () => {
    expect(projectsOfType('library')).toEqual(libs);
  });

  it('lists every Nest application under apps/ in nest-cli.json, and nothing else', () => {
    expect(projectsOfType('application')).toEqual(nestApps);
  });

  it('points each nest-cli.json project at its folder and an entry file that exists', () => {
    for (const [name, project] of Object.entries(nestCli.projects)) {
      const folder = project.type === 'library' ? 'libs' : 'apps';
      expect({ name, root: project.root, sourceRoot: project.sourceRoot }).toEqual({
        name,
        root: `${folder}/${name}`,
        sourceRoot: `${folder}/${name}/src`,
      });
      expect(existsSync(join(ROOT, project.sourceRoot, `${project.entryFile}.ts`))).toBe(true);
    }
    expect(existsSync(join(ROOT, nestCli.sourceRoot))).toBe(true);
    expect(nestCli.projects[nestCli.root.replace(/^apps\//, '')]).toBeDefined();
  });

  it('maps every lib, and only the libs, to its index.ts in tsconfig.base.json', () => {
    const expected = Object.fromEntries(
      libs.map((lib) => [`@simpul/${lib}`, [`./libs/${lib}/src/index.ts`]]),
    );
    expect(tsconfig.compilerOptions.paths).toEqual(expected);
    for (const [target] of Object.values(expected))
      expect(existsSync(join(ROOT, target))).toBe(true);
  });
});
