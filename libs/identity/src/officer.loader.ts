import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { byKeys, loaderFor, notFound, type RequestContext } from '@simpul/common';
import { toOfficerModel } from './models/officer.mapper';
import type { OfficerModel } from './models/officer.model';
import { OfficerReader } from './officer.reader';

export const OFFICER_LOADER = 'identity.officer';

type Context = RequestContext<unknown>;

/**
 * Request-scoped batching of officer lookups (inactive officers included: history still names
 * them). The auth guard calls `install` at the start of every GraphQL operation so that other libs
 * can use the plain `loadOfficer(context, id)` function.
 */
@Injectable()
export class OfficerLoader {
  constructor(private readonly officers: OfficerReader) {}

  install(context: Context): void {
    this.loader(context);
  }

  async loadOfficer(context: Context, officerId: string): Promise<OfficerModel> {
    const officer = await this.loader(context).load(officerId);
    if (!officer) throw notFound('Officer');
    return officer;
  }

  private loader(context: Context) {
    return loaderFor<OfficerModel>(context, OFFICER_LOADER, async (ids) =>
      byKeys(ids, (await this.officers.byIds(ids)).map(toOfficerModel)),
    );
  }
}

/**
 * The officer with this id, batched per request, for other libs' field resolvers
 * (HandoffEvent.actor, Referral.sentBy …). Works inside any operation GraphqlAuthGuard admitted.
 */
export async function loadOfficer(context: Context, officerId: string): Promise<OfficerModel> {
  const loader = context.loaders?.get(OFFICER_LOADER) as DataLoader<string, OfficerModel | null>;
  if (!loader) {
    throw new Error(
      `Loader '${OFFICER_LOADER}' is not installed: is GraphqlAuthGuard the APP_GUARD?`,
    );
  }
  const officer = await loader.load(officerId);
  if (!officer) throw notFound('Officer');
  return officer;
}
