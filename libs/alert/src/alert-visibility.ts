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
}

export function alertView(viewer: AlertViewer, alert: AlertSides): AlertView {
  const acting = new Set(viewer.actingUnitIds);
  if (acting.has(alert.raisedByUnitId) || alert.receivingUnitIds.some((id) => acting.has(id))) {
    return AlertView.FULL;
  }
  return viewer.auditor ? AlertView.AUDIT : AlertView.NONE;
}
