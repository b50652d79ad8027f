import { alertView, AlertView } from './alert-visibility';

const alert = { raisedByUnitId: 'polda-ntt', receivingUnitIds: ['bp3mi-ntt', 'gt-ntt'] };

describe('alertView', () => {
  it.each([
    ['the raising unit', { auditor: false, actingUnitIds: ['polda-ntt'] }, AlertView.FULL],
    ['a receiving unit', { auditor: false, actingUnitIds: ['gt-ntt'] }, AlertView.FULL],
    [
      'a SUPERVISOR acting for a receiving unit among others',
      { auditor: false, actingUnitIds: ['bp3mi-jatim', 'bp3mi-ntt'] },
      AlertView.FULL,
    ],
    ['an auditor', { auditor: true, actingUnitIds: ['gt-pusat'] }, AlertView.AUDIT],
    ['another unit', { auditor: false, actingUnitIds: ['kemlu-pwni'] }, AlertView.NONE],
    ['an ADMIN (no casework units)', { auditor: false, actingUnitIds: [] }, AlertView.NONE],
  ])('%s sees %s', (_who, viewer, expected) => {
    expect(alertView(viewer, alert)).toBe(expected);
  });
});
