import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { loaderFor, type RequestContext } from '@simpul/common';
import { CurrentActor, hasRole, Role, type Actor } from '@simpul/identity';
import {
  HandoffEventModel,
  HashedLedgerEntryModel,
  LedgerReader,
  toHashedLedgerEntry,
} from '@simpul/ledger';

/**
 * HandoffEvent.hashed: what the entry's hash covers, so an auditor recomputes entryHash from the
 * API's answer alone. AUDITOR and ADMIN only (docs/access-model.md, "Ledger entries for
 * verification"): it holds the raw ids of actor, units and subjects, which an event otherwise
 * shows only through their own access-checked fields. Entries are read by seq, batched per request.
 */
@Resolver(() => HandoffEventModel)
export class HandoffEventHashedResolver {
  constructor(private readonly reader: LedgerReader) {}

  @ResolveField(() => HashedLedgerEntryModel, {
    nullable: true,
    description:
      'AUDITOR and ADMIN: exactly what entryHash covers (null for everyone else); see the ledger format in the project docs',
  })
  async hashed(
    @Parent() event: HandoffEventModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ): Promise<HashedLedgerEntryModel | null> {
    if (!hasRole(actor, Role.AUDITOR) && !hasRole(actor, Role.ADMIN)) return null;
    const entry = await loaderFor(context, 'ledger-entry-by-seq', async (seqs) => {
      const found = new Map((await this.reader.bySeqs(seqs)).map((e) => [String(e.seq), e]));
      return seqs.map((seq) => found.get(seq) ?? null);
    }).load(event.seq);
    return entry ? toHashedLedgerEntry(entry) : null;
  }
}
