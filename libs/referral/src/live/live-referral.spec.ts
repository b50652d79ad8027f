import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { entityOfLive, liveReferralOf, selectsStoredText } from './live-referral';

const schema = buildSchema(`
  type Referral { id: ID! status: String summary: String statusNote: String outcome: String }
  type Event { referral: Referral }
  type Query { event: Event }
`);

/** The selectsStoredText verdict for the `referral` field of this query. */
async function verdict(query: string): Promise<boolean> {
  let seen: boolean | undefined;
  await graphql({
    schema,
    source: query,
    rootValue: {
      event: () => ({
        referral: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
          seen = selectsStoredText(info);
          return { id: '1' };
        },
      }),
    },
  });
  if (seen === undefined) throw new Error('referral was not resolved');
  return seen;
}

describe('selectsStoredText', () => {
  it('is false for ids, codes and dates only', async () => {
    expect(await verdict('{ event { referral { id status } } }')).toBe(false);
  });

  it('sees the stored text selected directly, in an inline fragment or a named one', async () => {
    expect(await verdict('{ event { referral { id summary } } }')).toBe(true);
    expect(await verdict('{ event { referral { ... on Referral { outcome } } } }')).toBe(true);
    expect(
      await verdict('{ event { referral { ...R } } } fragment R on Referral { statusNote }'),
    ).toBe(true);
  });
});

describe('liveReferralOf', () => {
  it('revives dates, keeps nulls and refuses what is not a referral', () => {
    const live = liveReferralOf({
      referral: { id: 'r', sentAt: '2026-12-02T01:00:00.000Z', closedAt: null },
    });
    expect(live?.sentAt).toEqual(new Date('2026-12-02T01:00:00.000Z'));
    expect(live?.closedAt).toBeNull();
    expect(liveReferralOf({ referral: { reference: 'no id' } })).toBeUndefined();
    expect(liveReferralOf(undefined)).toBeUndefined();
  });

  it('becomes an entity with blank text, never a stale one', () => {
    const live = liveReferralOf({ referral: { id: 'r' } });
    expect(entityOfLive(live!)).toMatchObject({ summary: '', statusNote: null, outcome: null });
  });
});
