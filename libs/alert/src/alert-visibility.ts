/**
 * Who sees an alert (docs/access-model.md, "Alerts"). Pure: alert-visibility.spec.ts is its rule
 * table. An alert is police intelligence: it goes to the units its routing chose and to no one
 * else — not to the other parties of a case it is linked to, not to ADMIN.
 */
export enum AlertView {
  /** The raising unit and the receiving units (and SUPERVISORs acting for them): everything. */
  FULL = 'FULL',
  /** AUDITOR: who raised, routed, delivered and acknowledged what when — not the summary or notes. */
  AUDIT = 'AUDIT',
  /** Everyone else: the alert does not exist (NOT_FOUND, absent from lists, null links). */
  NONE = 'NONE',
}

export interface AlertViewer {
  auditor: boolean;
  /** The units the caller acts for in casework (none for an ADMIN-only officer). */
  actingUnitIds: readonly string[];
}

export interface AlertSides {
  raisedByUnitId: string;
  receivingUnitIds: readonly string[];
  /**
   * The units its escalation reached while nobody acknowledged it (alert_escalation): they were
   * told to make someone act, so they read it as a receiving unit does — no more.
   */
  escalatedToUnitIds: readonly string[];
}

export function alertView(viewer: AlertViewer, alert: AlertSides): AlertView {
  const acting = new Set(viewer.actingUnitIds);
  if (
    acting.has(alert.raisedByUnitId) ||
    alert.receivingUnitIds.some((id) => acting.has(id)) ||
    alert.escalatedToUnitIds.some((id) => acting.has(id))
  ) {
    return AlertView.FULL;
  }
  return viewer.auditor ? AlertView.AUDIT : AlertView.NONE;
}

/** What a caller who sees an alert in full may do with it, by how it came to see it. */
export interface AlertActs {
  /** Resolve, dismiss, link to a case, promote to a case: the raising and receiving units. */
  close: boolean;
  /** The units it may acknowledge for: receiving units by their delivery, escalation targets by
   * their escalation; a unit that is both acknowledges its delivery. */
  acknowledgeDeliveryOf: string[];
  acknowledgeEscalationOf: string[];
}

/**
 * The acts of a caller that sees the alert in full. A unit the escalation reached acknowledges
 * (which stops the climb: someone has it now) but does not close, link or promote the alert —
 * that stays with the desks the routing rules chose and the raising unit; escalation tells
 * supervisors and task forces to make those desks act, not to take the warning over.
 */
export function alertActs(actingUnitIds: readonly string[], alert: AlertSides): AlertActs {
  const acting = new Set(actingUnitIds);
  const receiving = alert.receivingUnitIds.filter((id) => acting.has(id));
  return {
    close: acting.has(alert.raisedByUnitId) || receiving.length > 0,
    acknowledgeDeliveryOf: receiving,
    acknowledgeEscalationOf: alert.escalatedToUnitIds.filter(
      (id) => acting.has(id) && !alert.receivingUnitIds.includes(id),
    ),
  };
}
