import { SignedIn, type RequestContext } from '@simpul/common';
import { Context, Resolver, Subscription } from '@nestjs/graphql';
import { AlertAccess, AlertReader } from '@simpul/alert';
import { CaseAccess } from '@simpul/case';
import { HandoffEventBus, type HandoffEventMessage } from '@simpul/delivery';
import { CurrentActor, type Actor } from '@simpul/identity';
import { HandoffEventModel, publishedEntryOf, toHandoffEvent } from '@simpul/ledger';
import { liveReferralOf, ReferralReader, ReferralViews } from '@simpul/referral';
import { filterMapIterator } from './filter-map-iterator';

/**
 * Live inbox. Events arrive over Redis pub/sub from the worker, so a client on any gateway replica
 * receives them; each is filtered to the subscriber's units and built from the message, which
 * carries the entry's public fields and its referral's (its note, when it has one, is read from
 * PostgreSQL; so is the referral's text, when a subscriber selects it), and
 * shown as a timeline would show it to this caller (docs/access-model.md). An alert's entry is
 * shown as the alert is (alert-visibility.ts): in full, note included, to its raising, receiving
 * and escalated-to units; without its note to an auditor; to no one else — not to an ADMIN whose
 * unit a routing rule names, nor to the home unit of a supervisor who acted for another unit.
 */
@SignedIn()
@Resolver(() => HandoffEventModel)
export class UnitEventsResolver {
  constructor(
    private readonly bus: HandoffEventBus,
    private readonly access: CaseAccess,
    private readonly referrals: ReferralReader,
    private readonly views: ReferralViews,
    private readonly alerts: AlertAccess,
    private readonly alertReader: AlertReader,
  ) {}

  @Subscription(() => HandoffEventModel, {
    description:
      "Ledger events that concern the caller's unit (its inbox, its sent referrals, its alerts), as its timelines show them",
    resolve: (event: HandoffEventModel) => event,
  })
  async unitEvents(
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ): Promise<AsyncIterableIterator<HandoffEventModel>> {
    const units = new Set(await this.access.actingUnitIds(actor));
    const bySides = (message: HandoffEventMessage) =>
      (message.fromUnitId !== null && units.has(message.fromUnitId)) ||
      (message.toUnitId !== null && units.has(message.toUnitId));
    // An alert's entries concern every unit it went or escalated to (a resolve by one desk tells
    // the others): its receiving units are fixed when it is raised, so each alert is looked up
    // once per subscription; a unit it escalates to later learns it from the ALERT_ESCALATED
    // entry addressed to it, which marks the alert as ours from then on.
    const alertUnits = new Map<string, boolean>();
    const concerns = async (message: HandoffEventMessage) => {
      if (bySides(message)) {
        if (message.alertId !== null) alertUnits.set(message.alertId, true);
        return true;
      }
      if (message.alertId === null) return false;
      let ours = alertUnits.get(message.alertId);
      if (ours === undefined) {
        const concerned = await this.alerts.concernedUnitIds(message.alertId);
        ours = concerned.some((id) => units.has(id));
        alertUnits.set(message.alertId, ours);
        if (alertUnits.size > 10_000) alertUnits.delete(alertUnits.keys().next().value as string);
      }
      return ours;
    };
    // The worker publishes at least once; a subscriber sees each entry once.
    const seen = new Set<string>();
    return filterMapIterator(this.bus.subscribe(), async (message) => {
      if (seen.has(message.seq) || !(await concerns(message))) return undefined;
      seen.add(message.seq);
      if (seen.size > 10_000) seen.delete(seen.values().next().value as string);
      // One subscription keeps one context for all its events: each event is read afresh, not
      // from what the loaders cached for the previous one (a status, a party added since). The
      // loaders themselves stay: some are installed once per operation (GraphqlAuthGuard).
      for (const loader of context.loaders.values()) loader.clearAll();
      if (message.alertId !== null) {
        // Which units an entry names is not who may read the alert: ask the alert's own rule.
        const alert = await this.alertReader.visible(context, actor, message.alertId);
        if (!alert) return undefined;
        if (alert.restricted) return toHandoffEvent(publishedEntryOf(message), null);
      }
      // Built from the message and the referral the worker attached to it: only an entry shown
      // with a note costs a read (of the note), or one published without its referral.
      const live = liveReferralOf(message.attached);
      const [event] = await this.views.eventsIn(
        context,
        actor,
        [publishedEntryOf(message)],
        (ids) => (live ? Promise.resolve([live]) : this.referrals.sidesByIds(ids)),
      );
      if (event) event.attached = message.attached;
      return event;
    });
  }
}
