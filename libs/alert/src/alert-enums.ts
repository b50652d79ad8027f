/** The contract's alert enums (schema/contract.graphql), plus the dismissal reason it lacks. */
export enum AlertType {
  SUSPECTED_TRAFFICKING = 'SUSPECTED_TRAFFICKING',
  SUSPICIOUS_RECRUITMENT = 'SUSPICIOUS_RECRUITMENT',
  VICTIM_LOCATED_ABROAD = 'VICTIM_LOCATED_ABROAD',
  DEBARKATION_ARRIVAL = 'DEBARKATION_ARRIVAL',
  OTHER = 'OTHER',
}

export enum Severity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}

export enum AlertStatus {
  RAISED = 'RAISED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  RESOLVED = 'RESOLVED',
  DISMISSED = 'DISMISSED',
}

/** Why an alert was dismissed: coded, so that statistics can count false alarms. */
export enum AlertDismissalReason {
  FALSE_ALARM = 'FALSE_ALARM',
  DUPLICATE = 'DUPLICATE',
  NOT_TRAFFICKING = 'NOT_TRAFFICKING',
  INSUFFICIENT_INFORMATION = 'INSUFFICIENT_INFORMATION',
  OUT_OF_JURISDICTION = 'OUT_OF_JURISDICTION',
  OTHER = 'OTHER',
}

const SEVERITY_ORDER: readonly Severity[] = [
  Severity.LOW,
  Severity.MEDIUM,
  Severity.HIGH,
  Severity.CRITICAL,
];

/** True when `severity` is `minimum` or above. */
export const atLeast = (severity: Severity, minimum: Severity): boolean =>
  SEVERITY_ORDER.indexOf(severity) >= SEVERITY_ORDER.indexOf(minimum);

/** Statuses after which nothing changes an alert but a case link. */
export const CLOSED_ALERT_STATUSES: readonly AlertStatus[] = [
  AlertStatus.RESOLVED,
  AlertStatus.DISMISSED,
];
