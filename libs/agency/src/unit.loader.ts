import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { byKeys, loaderFor, notFound, type RequestContext } from '@simpul/common';
import { AgencyReader } from './agency.reader';
import { toAgencyModel, toUnitModel } from './models/agency.mapper';
import type { AgencyModel } from './models/agency.model';
import type { UnitModel } from './models/unit.model';
import { UnitReader } from './unit.reader';

export const UNIT_LOADER = 'agency.unit';
export const AGENCY_LOADER = 'agency.agency';
export const UNITS_OF_AGENCY_LOADER = 'agency.units-of-agency';

type Context = RequestContext<unknown>;

/**
 * Request-scoped batching of unit and agency lookups, so a page of 50 referrals asks the database
 * for their units once. `install` is called by the auth guard at the start of every GraphQL
 * operation, which lets other libs use the plain `loadUnit(context, id)` function below.
 */
@Injectable()
export class UnitLoader {
  constructor(
    private readonly units: UnitReader,
    private readonly agencies: AgencyReader,
  ) {}

  install(context: Context): void {
    this.unitLoader(context);
    this.agencyLoader(context);
    this.unitsOfAgencyLoader(context);
  }

  loadUnit(context: Context, unitId: string): Promise<UnitModel> {
    return required(this.unitLoader(context).load(unitId), 'Unit');
  }

  loadAgency(context: Context, agencyId: string): Promise<AgencyModel> {
    return required(this.agencyLoader(context).load(agencyId), 'Agency');
  }

  async loadUnitsOfAgency(context: Context, agencyId: string): Promise<UnitModel[]> {
    return (await this.unitsOfAgencyLoader(context).load(agencyId)) ?? [];
  }

  private unitLoader(context: Context) {
    return loaderFor<UnitModel>(context, UNIT_LOADER, async (ids) =>
      byKeys(ids, (await this.units.byIds(ids)).map(toUnitModel)),
    );
  }

  private agencyLoader(context: Context) {
    return loaderFor<AgencyModel>(context, AGENCY_LOADER, async (ids) =>
      byKeys(ids, (await this.agencies.byIds(ids)).map(toAgencyModel)),
    );
  }

  private unitsOfAgencyLoader(context: Context) {
    return loaderFor<UnitModel[]>(context, UNITS_OF_AGENCY_LOADER, async (agencyIds) => {
      const rows = await this.units.byAgencyIds(agencyIds);
      return agencyIds.map((id) => rows.filter((row) => row.agencyId === id).map(toUnitModel));
    });
  }
}

async function required<T>(pending: Promise<T | null>, what: string): Promise<T> {
  const found = await pending;
  if (!found) throw notFound(what);
  return found;
}

/**
 * The unit with this id, batched per request. For other libs' field resolvers
 * (Referral.fromUnit, Case.leadUnit …); works inside any GraphQL operation the auth guard ran for.
 */
export function loadUnit(context: Context, unitId: string): Promise<UnitModel> {
  return required(installed<UnitModel>(context, UNIT_LOADER).load(unitId), 'Unit');
}

/** The agency with this id, batched per request (e.g. AgencyHandoffStats.agency). */
export function loadAgency(context: Context, agencyId: string): Promise<AgencyModel> {
  return required(installed<AgencyModel>(context, AGENCY_LOADER).load(agencyId), 'Agency');
}

function installed<V>(context: Context, name: string) {
  const loader = context.loaders?.get(name);
  if (!loader) {
    // A wiring bug, not a client error: the guard installs these before any resolver runs.
    throw new Error(`Loader '${name}' is not installed: is GraphqlAuthGuard the APP_GUARD?`);
  }
  return loader as DataLoader<string, V | null>;
}
