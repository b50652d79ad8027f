import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { forbidden } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { insightScopeOf, type InsightScope } from './insight-scope';

/** Decides a caller's insight scope from its unit (agency kind, province), or refuses. */
@Injectable()
export class InsightAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller's scope; FORBIDDEN for anyone who is neither an auditor nor a Gugus Tugas officer. */
  async scopeOf(actor: Actor): Promise<InsightScope> {
    const [unit]: { kind: string; region_code: string | null }[] = await this.dataSource.query(
      'SELECT a.kind, u.region_code FROM unit u JOIN agency a ON a.id = u.agency_id WHERE u.id = $1',
      [actor.unitId],
    );
    const scope = unit
      ? insightScopeOf(actor, { agencyKind: unit.kind, regionCode: unit.region_code })
      : null;
    if (!scope) throw forbidden('Only auditors and Gugus Tugas officers ask these questions');
    return scope;
  }
}
