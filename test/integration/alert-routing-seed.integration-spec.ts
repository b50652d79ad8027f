import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { seedAlertRoutingRules } from '@simpul/alert';
import { dataSourceOf } from '../support/boot-in-process';
import { listenGateway } from '../support/listen-gateway';
import { findUnitIds, loginAs, type Session } from '../support/login-as';

const RULE = `id code name active minSeverity regionCode units { code }`;
interface Rule {
  id: string;
  code: string | null;
  name: string;
  active: boolean;
  minSeverity: string;
  regionCode: string | null;
  units: { code: string }[];
}

/**
 * Reference rules are loaded at every start (prepare-database) by code: an ADMIN's edit or
 * deletion of one must survive the next start, as README "Routing rules" says.
 */
describe('reference routing rules across restarts', () => {
  let gateway: NestFastifyApplication;
  let db: DataSource;
  let admin: Session;
  let units: Map<string, string>;
  let original: Rule;
  let deleted: Rule;

  const rules = async () =>
    (await admin.client.data<{ alertRoutingRules: Rule[] }>(`{ alertRoutingRules { ${RULE} } }`))
      .alertRoutingRules;

  const update = (rule: Rule, changes: Partial<Rule> & { unitIds: string[] }) =>
    admin.client.data<{ updateAlertRoutingRule: Rule }>(
      `mutation($id: ID!, $input: AlertRoutingRuleInput!) {
         updateAlertRoutingRule(id: $id, input: $input) { ${RULE} } }`,
      {
        id: rule.id,
        input: {
          name: changes.name ?? rule.name,
          alertTypes: ['SUSPECTED_TRAFFICKING'],
          minSeverity: changes.minSeverity ?? rule.minSeverity,
          regionCode: rule.regionCode,
          unitIds: changes.unitIds,
        },
      },
    );

  beforeAll(async () => {
    let url: string;
    ({ app: gateway, url } = await listenGateway());
    db = dataSourceOf(gateway);
    admin = await loginAs(url, 'admin');
    units = await findUnitIds(admin.client);
  });

  afterAll(async () => {
    // Leave the run's shared database as the reference data has it, for the files after this one.
    if (original) {
      await update(original, {
        unitIds: original.units.map((unit) => units.get(unit.code)!),
      });
    }
    if (deleted) {
      await db.query(`UPDATE alert_routing_rule SET deleted_at = NULL WHERE id = $1`, [deleted.id]);
    }
    await gateway?.close();
  });

  it('keeps an ADMIN edit and a deletion of a reference rule when the reference data is loaded again', async () => {
    const before = await rules();
    original = before.find((rule) => rule.code === 'REF-TPPO-NTT')!;
    expect(original.units.map((unit) => unit.code)).toEqual([
      'BP3MI-NTT',
      'GT-NTT',
      'POLDA-NTT',
      'UPTDPPA-NTT',
    ]);
    const edited = (
      await update(original, {
        name: 'TPPO NTT (disunting ADMIN)',
        minSeverity: 'HIGH',
        unitIds: [units.get('POLDA-NTT')!, units.get('GT-NTT')!],
      })
    ).updateAlertRoutingRule;
    deleted = before.find((rule) => rule.code === 'REF-TPPO-PAPEG')!;
    expect(deleted).toBeDefined();
    await admin.client.data(`mutation($id: ID!) { deleteAlertRoutingRule(id: $id) }`, {
      id: deleted.id,
    });

    // What every `npm start` does before the apps start (apps/gateway/src/prepare-database.ts).
    await db.transaction((manager) => seedAlertRoutingRules(manager));

    const after = await rules();
    expect(after.find((rule) => rule.code === 'REF-TPPO-NTT')).toEqual(edited);
    expect(after.find((rule) => rule.code === 'REF-TPPO-PAPEG')).toBeUndefined();
    expect(after.filter((rule) => rule.code === 'REF-TPPO-NTT')).toHaveLength(1);
    expect(after).toHaveLength(before.length - 1);
  });
});
