import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@simpul/database';

/** The national Gugus Tugas secretariat: the top of every ladder. */
export const GT_PUSAT_CODE = 'GT-PUSAT';

interface ReceivingUnit {
  id: string;
  region_code: string | null;
  agency_id: string;
  agency_code: string;
}

/**
 * Who an escalation of a referral reaches, by level (docs/architecture.md, "Escalation"):
 *
 * 1. the receiving unit itself — its SUPERVISORs are the ones to act;
 * 2. the head unit of its agency: `<AGENCY>-PUSAT`, else the agency's only national unit (no
 *    region, no country); an agency without one (a provincial government), or whose head unit
 *    is the receiving unit itself, goes on to level 3's unit;
 * 3. the Gugus Tugas unit of the receiving unit's province (a GUGUS_TUGAS agency's unit with that
 *    province's code); a national unit, a mission abroad or a province without one: GT-PUSAT;
 * 4. GT-PUSAT.
 *
 * Read from this lib's unit and agency tables by code and region, so that Gugus Tugas units added
 * later (one per province) are found without a change here. It lives in the agency lib, which owns
 * those tables; the referral ladder and alerts ask it (docs/adr/0011-escalation-ladder.md).
 */
@Injectable()
export class EscalationTargets {
  constructor(private readonly tx: TransactionHost) {}

  async unitFor(receivingUnitId: string, level: number): Promise<string> {
    const [unit]: ReceivingUnit[] = await this.tx.manager.query(
      `SELECT u.id, u.region_code, u.agency_id, a.code AS agency_code
         FROM unit u JOIN agency a ON a.id = u.agency_id WHERE u.id = $1`,
      [receivingUnitId],
    );
    if (!unit) return receivingUnitId;
    if (level <= 1) return unit.id;
    if (level === 2) {
      const head = await this.headUnit(unit);
      if (head && head !== unit.id) return head;
    }
    if (level <= 3) {
      const provincial = await this.provincialTaskForce(unit.region_code);
      if (provincial) return provincial;
    }
    return (await this.unitByCode(GT_PUSAT_CODE)) ?? unit.id;
  }

  private async headUnit(unit: ReceivingUnit): Promise<string | null> {
    const rows: { id: string; code: string }[] = await this.tx.manager.query(
      `SELECT id, code FROM unit
        WHERE agency_id = $1 AND region_code IS NULL AND country_code IS NULL ORDER BY code`,
      [unit.agency_id],
    );
    const pusat = rows.find((row) => row.code === `${unit.agency_code}-PUSAT`);
    if (pusat) return pusat.id;
    return rows.length === 1 ? rows[0].id : null;
  }

  private async provincialTaskForce(regionCode: string | null): Promise<string | null> {
    if (!regionCode) return null;
    // A regency's code starts with its province's two digits (Kemendagri codes).
    const [row]: { id: string }[] = await this.tx.manager.query(
      `SELECT u.id FROM unit u JOIN agency a ON a.id = u.agency_id
        WHERE a.kind = 'GUGUS_TUGAS' AND u.region_code = $1 ORDER BY u.code LIMIT 1`,
      [regionCode.slice(0, 2)],
    );
    return row?.id ?? null;
  }

  private async unitByCode(code: string): Promise<string | null> {
    const [row]: { id: string }[] = await this.tx.manager.query(
      'SELECT id FROM unit WHERE code = $1',
      [code],
    );
    return row?.id ?? null;
  }
}
