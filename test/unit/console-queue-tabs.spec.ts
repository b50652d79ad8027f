import {
  EMPTY_FILTER,
  queueVariables,
  tabCount,
} from '../../apps/console/src/screens/queue/queue-filter';

type Count = Parameters<typeof tabCount>[0][number];

describe("the console's queue tabs", () => {
  const counts: Count[] = [
    { stage: 'AWAITING_DECISION', status: 'REQUESTED', count: 4 },
    { stage: 'AWAITING_DECISION', status: 'ON_HOLD', count: 1 },
    { stage: 'IN_HAND', status: 'ON_HOLD', count: 2 },
    { stage: 'IN_HAND', status: 'ACCEPTED', count: 3 },
    { stage: 'CLOSED', status: 'REJECTED', count: 5 },
  ];

  it('counts a referral held before acceptance under Perlu tindakan, not Ditangani', () => {
    expect(tabCount(counts, 'action', '')).toBe(5);
    expect(tabCount(counts, 'handling', '')).toBe(5);
    expect(tabCount(counts, 'closed', '')).toBe(5);
    expect(tabCount(counts, 'all', '')).toBe(15);
    expect(tabCount(counts, 'action', 'ON_HOLD')).toBe(1);
    expect(tabCount(counts, 'handling', 'ON_HOLD')).toBe(2);
  });

  it('asks the server for the tab as a stage, pressing referrals first', () => {
    expect(queueVariables({ ...EMPTY_FILTER, tab: 'action' })).toMatchObject({
      stage: ['AWAITING_DECISION'],
      status: null,
      order: 'URGENT_FIRST',
    });
    expect(queueVariables({ ...EMPTY_FILTER, tab: 'handling', status: 'ON_HOLD' })).toMatchObject({
      stage: ['IN_HAND'],
      status: ['ON_HOLD'],
    });
    expect(queueVariables(EMPTY_FILTER)).toMatchObject({ stage: null, status: null });
    expect(queueVariables({ ...EMPTY_FILTER, tab: 'action' }, ['REJECTED'])).toMatchObject({
      stage: null,
      status: ['REJECTED'],
    });
  });
});
