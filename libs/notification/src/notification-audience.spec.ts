import { HandoffAction } from '@simpul/ledger';
import {
  NOTIFICATION_RULES,
  escalationLevelOf,
  notificationTargetOf,
  referenceInPayload,
  type NotifiableEntry,
} from './notification-audience';

const SENDER = 'unit-sender';
const RECEIVER = 'unit-receiver';
const entry = (action: HandoffAction, payload: Record<string, unknown> = {}): NotifiableEntry => ({
  seq: '7',
  action,
  fromUnitId: SENDER,
  toUnitId: RECEIVER,
  payload,
});

describe('notificationTargetOf', () => {
  // Written out independently of NOTIFICATION_RULES: who hears of each action.
  it.each([
    [HandoffAction.REFERRAL_DELIVERED, RECEIVER],
    [HandoffAction.REFERRAL_ACCEPTED, SENDER],
    [HandoffAction.REFERRAL_REJECTED, SENDER],
    [HandoffAction.REFERRAL_REDIRECTED, SENDER],
    [HandoffAction.REFERRAL_HELD, SENDER],
    [HandoffAction.REFERRAL_RESUMED, SENDER],
    [HandoffAction.REFERRAL_COMPLETED, SENDER],
    [HandoffAction.REFERRAL_FAILED, SENDER],
    [HandoffAction.REFERRAL_CANCELLED, RECEIVER],
    [HandoffAction.REFERRAL_ESCALATED, RECEIVER],
    [HandoffAction.ALERT_DELIVERED, RECEIVER],
    // Its entry goes from the acknowledging desk to the raising unit: the raising unit hears.
    [HandoffAction.ALERT_ACKNOWLEDGED, RECEIVER],
    [HandoffAction.ALERT_ESCALATED, RECEIVER],
    [HandoffAction.CASE_PING_PONG, RECEIVER],
  ])('%s tells %s', (action, unit) => {
    expect(notificationTargetOf(entry(action))?.unitId).toBe(unit);
  });

  it.each([
    HandoffAction.CASE_OPENED,
    HandoffAction.REFERRAL_SENT,
    HandoffAction.REFERRAL_RECEIVED,
    HandoffAction.REFERRAL_STARTED,
    HandoffAction.PERSON_ADDED,
    HandoffAction.POLICE_NOTES_UPDATED,
    HandoffAction.OFFICER_CREATED,
    HandoffAction.OUTBOX_ROW_REPLAYED,
  ])('%s tells nobody', (action) => {
    expect(notificationTargetOf(entry(action))).toBeNull();
  });

  it('lists exactly the actions above', () => {
    expect(Object.keys(NOTIFICATION_RULES)).toHaveLength(14);
  });

  it('tells a ping-pong case to the SUPERVISORs of the Gugus Tugas, in the console only', () => {
    expect(
      notificationTargetOf({ ...entry(HandoffAction.CASE_PING_PONG), fromUnitId: null }),
    ).toEqual({
      seq: '7',
      unitId: RECEIVER,
      officers: 'supervisors',
      email: false,
    });
  });

  it('tells an escalation to the SUPERVISORs of the target and emails it', () => {
    expect(notificationTargetOf(entry(HandoffAction.REFERRAL_ESCALATED, { level: 1 }))).toEqual({
      seq: '7',
      unitId: RECEIVER,
      officers: 'supervisors',
      email: true,
    });
  });

  it('emails an alert only when it is CRITICAL', () => {
    expect(notificationTargetOf(entry(HandoffAction.ALERT_DELIVERED))?.email).toBe(false);
    expect(
      notificationTargetOf(entry(HandoffAction.ALERT_DELIVERED, { severity: 'HIGH' }))?.email,
    ).toBe(false);
    expect(
      notificationTargetOf(entry(HandoffAction.ALERT_DELIVERED, { severity: 'CRITICAL' }))?.email,
    ).toBe(true);
    expect(notificationTargetOf(entry(HandoffAction.REFERRAL_ACCEPTED))?.email).toBe(false);
  });

  it("does not tell a unit of its own officer's step, but does tell it of the system's", () => {
    const self = { ...entry(HandoffAction.REFERRAL_ACCEPTED), toUnitId: SENDER };
    expect(notificationTargetOf(self)).toBeNull();
    const escalatedInPlace = { ...entry(HandoffAction.REFERRAL_ESCALATED), fromUnitId: RECEIVER };
    expect(notificationTargetOf(escalatedInPlace)?.unitId).toBe(RECEIVER);
  });

  it('tells nobody when the side to tell is missing', () => {
    expect(
      notificationTargetOf({ ...entry(HandoffAction.REFERRAL_DELIVERED), toUnitId: null }),
    ).toBeNull();
  });
});

describe('payload codes', () => {
  it('reads the escalation level', () => {
    expect(escalationLevelOf({ level: 2 })).toBe(2);
    expect(escalationLevelOf({ escalationLevel: 3 })).toBe(3);
    expect(escalationLevelOf({ level: '2' })).toBeNull();
    expect(escalationLevelOf({})).toBeNull();
  });

  it('takes a reference only when it is a plain code', () => {
    expect(referenceInPayload({ reference: 'ALR-2026-000012' })).toBe('ALR-2026-000012');
    expect(referenceInPayload({ reference: 'Maria Bili' })).toBeNull();
    expect(referenceInPayload({})).toBeNull();
  });
});
