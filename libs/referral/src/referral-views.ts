import { Injectable } from '@nestjs/common';
import { notFound, type RequestContext } from '@simpul/common';
import { CaseAccess, PoliceNotes, type CaseStanding } from '@simpul/case';
import type { Actor } from '@simpul/identity';
import {
  HandoffAction,
  LedgerReader,
  toHandoffEvent,
  type HandoffEventModel,
  type PublishedEntry,
} from '@simpul/ledger';
import type { ReferralEntity } from './entities/referral.entity';
import { toReferralModel } from './models/referral.mapper';
import type { ReferralModel } from './models/referral.model';
import {
  entryView,
  EntryView,
  escalationReachedCaller,
  referralView,
  ReferralView,
  viewBySides,
  type ReferralSides,
} from './referral-visibility';

type Sided = ReferralSides & { caseId: string };
type SidedWithId = Sided & { id: string };

/**
 * Applies the need-to-know policy (referral-visibility.ts) to what a resolver is about to return,
 * reading the facts it needs in as few queries as possible: the caller's units once per request,
 * each case's lead unit and parties once per request for all referrals of a list (a DataLoader),
 * and nothing at all for the caller's own referrals.
 */
@Injectable()
export class ReferralViews {
  constructor(
    private readonly access: CaseAccess,
    private readonly policeNotes: PoliceNotes,
    private readonly ledger: LedgerReader,
  ) {}

  /** Views for these referrals, batched within the request. */
  async viewsIn(
    context: RequestContext,
    actor: Actor,
    referrals: readonly Sided[],
  ): Promise<ReferralView[]> {
    const units = await this.access.caseworkUnitsIn(context, actor);
    const viewer = { auditor: CaseAccess.isAuditor(actor), actingUnitIds: units };
    return Promise.all(
      referrals.map(async (referral) => {
        const bySides = viewBySides(viewer, referral);
        if (bySides) return bySides;
        const standing = await this.access.standingIn(context, actor, referral.caseId);
        return standing ? referralView(standing, referral) : ReferralView.NONE;
      }),
    );
  }

  /** The view of one referral outside a request's loaders (in the current transaction, if any). */
  async viewIn(actor: Actor, referral: Sided, units?: readonly string[]): Promise<ReferralView> {
    units ??= await this.access.caseworkUnitIds(actor);
    const bySides = viewBySides(
      { auditor: CaseAccess.isAuditor(actor), actingUnitIds: units },
      referral,
    );
    if (bySides) return bySides;
    const standing: CaseStanding | undefined = (
      await this.access.standings(actor, [referral.caseId], units)
    ).get(referral.caseId);
    return standing ? referralView(standing, referral) : ReferralView.NONE;
  }

  /**
   * A referral a mutation returns, as the caller sees it. `atLeast` EXISTENCE serves redirect,
   * whose caller gets back the new referral it just made even where it would otherwise not see it.
   */
  async shownAfterWrite(
    actor: Actor,
    entity: ReferralEntity,
    atLeast?: ReferralView.EXISTENCE,
  ): Promise<ReferralModel> {
    const view = await this.viewIn(actor, entity);
    if (view !== ReferralView.NONE) return toReferralModel(entity, view);
    if (atLeast) return toReferralModel(entity, atLeast);
    // A use case that let the caller write a referral it cannot see would be a bug: say nothing.
    throw notFound('Referral');
  }

  /** The referrals as this caller may see them; the ones it may not see are dropped. */
  async modelsIn(
    context: RequestContext,
    actor: Actor,
    entities: readonly ReferralEntity[],
  ): Promise<ReferralModel[]> {
    return (await this.orNullIn(context, actor, entities)).filter(
      (model): model is ReferralModel => model !== null,
    );
  }

  /** Like modelsIn, keeping positions: null where the caller may not see the referral. */
  async orNullIn(
    context: RequestContext,
    actor: Actor,
    entities: readonly (ReferralEntity | null)[],
  ): Promise<(ReferralModel | null)[]> {
    const present = entities.filter((entity): entity is ReferralEntity => entity !== null);
    const views = new Map(
      (await this.viewsIn(context, actor, present)).map((view, i) => [present[i], view]),
    );
    return entities.map((entity) => {
      const view = entity && views.get(entity);
      return entity && view && view !== ReferralView.NONE ? toReferralModel(entity, view) : null;
    });
  }

  /**
   * Ledger entries (of cases the caller may see) as timelines and live events show them: entries
   * of referrals it may not see are dropped (but an escalation that reached the caller's unit,
   * redacted), entries of referrals it may only know exist lose their note and actor, police-notes entries show only to those who read police notes.
   * `referralsOf` reads the referrals the entries name, in one query.
   */
  async eventsIn(
    context: RequestContext,
    actor: Actor,
    entries: readonly PublishedEntry[],
    referralsOf: (ids: string[]) => Promise<SidedWithId[]>,
  ): Promise<HandoffEventModel[]> {
    const referralIds = [
      ...new Set(entries.map((e) => e.referralId).filter((id): id is string => id !== null)),
    ];
    const referrals = referralIds.length ? await referralsOf(referralIds) : [];
    const views = await this.viewsIn(context, actor, referrals);
    const viewOf = new Map(referrals.map((referral, i) => [referral.id, views[i]]));
    const sidesOf = new Map(referrals.map((referral) => [referral.id, referral]));
    const units = await this.access.caseworkUnitsIn(context, actor);
    const police = await this.policeNotesReadable(actor, entries);
    const kept: { entry: PublishedEntry; view: EntryView }[] = [];
    for (const entry of entries) {
      const referral = entry.referralId ? viewOf.get(entry.referralId) : undefined;
      const reached = escalationReachedCaller(
        entry,
        entry.referralId ? sidesOf.get(entry.referralId) : undefined,
        units,
      );
      const view = entryView(entry, referral, !!entry.caseId && police.has(entry.caseId), reached);
      if (view !== EntryView.NONE) kept.push({ entry, view });
    }
    // Notes are read only for the entries shown in full.
    const full = kept.filter((k) => k.view === EntryView.FULL).map((k) => k.entry);
    const events = new Map((await this.ledger.toEvents(full)).map((e) => [e.seq, e]));
    return kept.map(({ entry, view }) =>
      view === EntryView.FULL ? (events.get(entry.seq) as HandoffEventModel) : redacted(entry),
    );
  }

  /** Events of one referral, for a caller who sees the referral with `view`. */
  async eventsOfReferral(
    view: ReferralView,
    entries: readonly PublishedEntry[],
  ): Promise<HandoffEventModel[]> {
    const shown = entries.map((entry) => ({ entry, view: entryView(entry, view, false) }));
    const full = shown.filter((s) => s.view === EntryView.FULL).map((s) => s.entry);
    const events = new Map((await this.ledger.toEvents(full)).map((e) => [e.seq, e]));
    return shown
      .filter((s) => s.view !== EntryView.NONE)
      .map(({ entry, view: v }) =>
        v === EntryView.FULL ? (events.get(entry.seq) as HandoffEventModel) : redacted(entry),
      );
  }

  /** Cases among the entries' whose police notes the caller reads (POLRI parties, auditors). */
  private async policeNotesReadable(
    actor: Actor,
    entries: readonly PublishedEntry[],
  ): Promise<Set<string>> {
    const caseIds = new Set(
      entries
        .filter((e) => e.action === HandoffAction.POLICE_NOTES_UPDATED && e.caseId)
        .map((e) => e.caseId as string),
    );
    const readable = new Set<string>();
    for (const caseId of caseIds) {
      if (CaseAccess.isAuditor(actor) || (await this.policeNotes.isPolicePartyOf(actor, caseId)))
        readable.add(caseId);
    }
    return readable;
  }
}

/** A redacted event keeps action, time, units and hashes; it has no note and no actor. */
function redacted(entry: PublishedEntry): HandoffEventModel {
  const event = toHandoffEvent(entry, null);
  event.actorId = null;
  return event;
}
