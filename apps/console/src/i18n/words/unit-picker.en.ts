import type { Same } from '../same';
import type { unitPickerId } from './unit-picker.id';

export const unitPickerEn: Same<typeof unitPickerId> = {
  agencyKind: 'Agency kind',
  where: 'Where',
  province: 'Province',
  country: 'Country (Indonesian mission)',
  national: 'Central / national',
  anyWhere: 'Anywhere',
  search: 'Search units',
  unit: 'Receiving unit',
  none: 'No unit matches.',
  pick: 'Choose a unit…',
};
