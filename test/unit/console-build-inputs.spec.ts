import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROVINCES as HUB_PROVINCES } from '@simpul/agency';
import { CONSOLE_ROUTE_PREFIXES } from '../../apps/gateway/src/console/console-routes';
import { CLIENT_ROUTE_PREFIXES, parseRoute, paths } from '../../apps/console/src/app/routes';
import { PROVINCES, REGENCIES, regionName } from '../../apps/console/src/reference/regions';

describe('console: what its build depends on stays in step with the rest', () => {
  it('the gateway answers every screen path of the console with index.html', () => {
    expect([...CONSOLE_ROUTE_PREFIXES]).toEqual([...CLIENT_ROUTE_PREFIXES]);
  });

  it('every path the console links to parses back to its screen', () => {
    expect(parseRoute(paths.inbox, '')).toEqual({ name: 'inbox' });
    expect(parseRoute(paths.referral('r-1'), '')).toEqual({ name: 'referral', id: 'r-1' });
    const compose = new URL(paths.compose('c-1', 'r-2'), 'http://console');
    expect(parseRoute(compose.pathname, compose.search)).toEqual({
      name: 'compose',
      caseId: 'c-1',
      from: 'r-2',
    });
    expect(parseRoute(paths.newCase, '')).toEqual({ name: 'newCase' });
    expect(parseRoute(paths.auditCase('c-1'), '')).toEqual({ name: 'auditCase', id: 'c-1' });
    expect(parseRoute(paths.alerts, '')).toEqual({ name: 'alerts' });
    expect(parseRoute(paths.raiseAlert, '')).toEqual({ name: 'raiseAlert', caseId: null });
    expect(parseRoute(paths.raiseCaseAlert('c-1'), '')).toEqual({
      name: 'raiseAlert',
      caseId: 'c-1',
    });
    expect(parseRoute(paths.alert('a-1'), '')).toEqual({ name: 'alert', id: 'a-1' });
    expect(parseRoute('/elsewhere', '')).toEqual({ name: 'notFound' });
    for (const prefix of CLIENT_ROUTE_PREFIXES)
      expect(parseRoute(prefix, '').name).not.toBe('notFound');
  });

  it("the console's provinces are the hub's reference provinces", () => {
    expect(PROVINCES).toEqual(HUB_PROVINCES.map(({ code, name }) => ({ code, name })));
    expect(regionName('53.71')).toBe('Kota Kupang, Nusa Tenggara Timur');
    expect(regionName('61')).toBe('Kalimantan Barat');
  });

  it('names every regency of every province, each under its own province', () => {
    expect(Object.keys(REGENCIES).sort()).toEqual(PROVINCES.map((p) => p.code).sort());
    const all = Object.entries(REGENCIES).flatMap(([province, regencies]) =>
      regencies.map((r) => ({ province, ...r })),
    );
    expect(all).toHaveLength(514);
    for (const r of all) expect(r.code).toMatch(new RegExp(`^${r.province}\\.\\d{2}$`));
    expect(regionName('61.01')).toBe('Kabupaten Sambas, Kalimantan Barat');
    expect(regionName('21.71')).toBe('Kota Batam, Kepulauan Riau');
  });

  it('graphql-env.d.ts is generated from the current schema/schema.graphql (npm run console:graphql)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'simpul-tada-'));
    try {
      const output = join(dir, 'graphql-env.d.ts');
      const run = spawnSync(
        join(process.cwd(), 'node_modules/.bin/gql.tada'),
        ['generate-output', '-c', 'apps/console/tsconfig.json', '--output', output],
        { encoding: 'utf8' },
      );
      expect(run.status).toBe(0);
      const committed = readFileSync('apps/console/src/graphql/graphql-env.d.ts', 'utf8');
      expect(readFileSync(output, 'utf8')).toBe(committed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
