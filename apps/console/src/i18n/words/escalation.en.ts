import type { Same } from '../same';
import type { escalationId } from './escalation.id';

export const escalationEn: Same<typeof escalationId> = {
  level: 'Escalation {{level}}',
  levels: {
    1: 'Escalation 1: the receiving unit’s supervisors',
    2: 'Escalation 2: the receiving agency’s head unit',
    3: 'Escalation 3: the provincial Gugus Tugas PP-TPPO',
    4: 'Escalation 4: Gugus Tugas PP-TPPO Pusat',
  },
};
