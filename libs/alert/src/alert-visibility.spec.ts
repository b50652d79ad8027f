import { alertActs, alertView, AlertView } from './alert-visibility';

const alert = {
  raisedByUnitId: 'polda-ntt',
  receivingUnitIds: ['bp3mi-ntt', 'gt-ntt'],
  // Level 1 reached the receiving units themselves; 2 the head unit; 3 the Gugus Tugas.
  escalatedToUnitIds: ['bp3mi-ntt', 'gt-ntt', 'kp2mi-pusat', 'gt-pusat'],
};

describe('alertView', () => {
  it.each([
    ['the raising unit', { auditor: false, actingUnitIds: ['polda-ntt'] }, AlertView.FULL],
    ['a receiving unit', { auditor: false, actingUnitIds: ['gt-ntt'] }, AlertView.FULL],
    [
      'a SUPERVISOR acting for a receiving unit among others',
      { auditor: false, actingUnitIds: ['bp3mi-jatim', 'bp3mi-ntt'] },
      AlertView.FULL,
    ],
    [
      'a unit it escalated to (a head unit)',
      { auditor: false, actingUnitIds: ['kp2mi-pusat'] },
      AlertView.FULL,
    ],
    [
      'a unit it escalated to, as an auditor would be too',
      { auditor: true, actingUnitIds: ['gt-pusat'] },
      AlertView.FULL,
    ],
    ['an auditor', { auditor: true, actingUnitIds: ['kemlu-pwni'] }, AlertView.AUDIT],
    ['another unit', { auditor: false, actingUnitIds: ['kemlu-pwni'] }, AlertView.NONE],
    ['an ADMIN (no casework units)', { auditor: false, actingUnitIds: [] }, AlertView.NONE],
  ])('%s sees %s', (_who, viewer, expected) => {
    expect(alertView(viewer, alert)).toBe(expected);
  });

  it('does not show an alert to a unit before it escalated there', () => {
    const before = { ...alert, escalatedToUnitIds: [] };
    expect(alertView({ auditor: false, actingUnitIds: ['kp2mi-pusat'] }, before)).toBe(
      AlertView.NONE,
    );
  });
});

describe('alertActs', () => {
  it.each([
    ['the raising unit', ['polda-ntt'], true, [], []],
    ['a receiving unit (also reached at level 1)', ['bp3mi-ntt'], true, ['bp3mi-ntt'], []],
    ['a unit it only escalated to', ['kp2mi-pusat'], false, [], ['kp2mi-pusat']],
    [
      'a SUPERVISOR acting for a receiving unit and the head unit',
      ['bp3mi-ntt', 'kp2mi-pusat'],
      true,
      ['bp3mi-ntt'],
      ['kp2mi-pusat'],
    ],
    ['another unit', ['kemlu-pwni'], false, [], []],
  ])('%s: closes %s', (_who, acting, close, deliveries, escalations) => {
    expect(alertActs(acting, alert)).toEqual({
      close,
      acknowledgeDeliveryOf: deliveries,
      acknowledgeEscalationOf: escalations,
    });
  });
});
