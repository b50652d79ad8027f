import {
  GENESIS_PREV_HASH,
  entryHash,
  hashedEntryOf,
  noteDigest,
  payloadDigest,
  sha256Hex,
  verifyChain,
  type StoredEntry,
} from './ledger-hash';

/** The worked example of docs/ledger-format.md; the hex values were computed independently (Python). */
const NOTE = 'Dokumen perjalanan ditahan agen; perlu penerjemah.';
const ids = {
  actor: '6f1c2a9e-4b7d-4c3e-9a51-2d8e7f0b1c34',
  fromUnit: '0b8e1d52-7c3a-4f69-8e2d-5a4c3b2f1e07',
  toUnit: '9d2f4e61-3b5a-4c78-9f1e-6b7a8c9d0e12',
  caseId: '3a7c9e1b-5d2f-4a86-b4c3-1e9f8d7a6b50',
  referralId: 'c4e8a2f6-1b3d-4e5a-8c7b-9d0e1f2a3b4c',
};
const HASH_0 = '3e1adfd3f410ea4f91d1c0caf886edf000d222bf8a8150783f873854d5a15cfb';
const HASH_1 = 'f5f67105246e8e1a09bdde83a0efb36de21173b2c5962b20f93cce11e2aad6fb';

function exampleChain(): StoredEntry[] {
  const common = {
    fromUnitId: ids.fromUnit,
    toUnitId: ids.toUnit,
    caseId: ids.caseId,
    referralId: ids.referralId,
    alertId: null,
  };
  const payload0 = { services: ['REPATRIATION', 'SHELTER'], priority: 'URGENT' };
  const payload1 = { attempt: 1 };
  return [
    {
      ...common,
      seq: '0',
      at: new Date('2026-03-02T01:30:00.000Z'),
      action: 'REFERRAL_SENT',
      actorId: ids.actor,
      noteDigest: noteDigest(NOTE),
      payload: payload0,
      payloadDigest: payloadDigest(payload0),
      prevHash: GENESIS_PREV_HASH,
      entryHash: HASH_0,
    },
    {
      ...common,
      seq: '1',
      at: new Date('2026-03-02T01:30:00.412Z'),
      action: 'REFERRAL_DELIVERED',
      actorId: null,
      noteDigest: null,
      payload: payload1,
      payloadDigest: payloadDigest(payload1),
      prevHash: HASH_0,
      entryHash: HASH_1,
    },
  ];
}

describe('ledger hashing', () => {
  it('digests notes and payloads as the worked example says', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(noteDigest(NOTE)).toBe(
      'f0d22ee013fa4c867949432787a43ad2c2617cda6ae0e5092698c7a5fe384a39',
    );
    expect(payloadDigest({ services: ['REPATRIATION', 'SHELTER'], priority: 'URGENT' })).toBe(
      'b878da0d709c65d6d72389fbf6b3268b1757d6273ac6ec2b029a9becdcadc53b',
    );
    expect(payloadDigest({ attempt: 1 })).toBe(
      '52b9d52738b411875c8fa0233e4e2cabe4579f9609b84bfc58671eae2055df4e',
    );
  });

  it('chains seq 0 to 64 zeros and seq 1 to the entry hash of seq 0', () => {
    const [first, second] = exampleChain();
    expect(entryHash(GENESIS_PREV_HASH, hashedEntryOf(first))).toBe(HASH_0);
    expect(entryHash(HASH_0, hashedEntryOf(second))).toBe(HASH_1);
  });

  it('hashes only the listed fields, whatever else the object carries', () => {
    const [first] = exampleChain();
    const extra = { ...hashedEntryOf(first), prevHash: 'x', entryHash: 'y' } as ReturnType<
      typeof hashedEntryOf
    >;
    expect(entryHash(GENESIS_PREV_HASH, extra)).toBe(HASH_0);
  });

  it('accepts an intact chain', () => {
    expect(verifyChain(exampleChain())).toEqual({ ok: true });
    expect(verifyChain([])).toEqual({ ok: true });
  });

  it('names the first seq whose content was altered', () => {
    const chain = exampleChain();
    chain[1] = { ...chain[1], toUnitId: ids.fromUnit };
    expect(verifyChain(chain)).toEqual({
      ok: false,
      seq: '1',
      reason: 'entryHash does not recompute',
    });
  });

  it('notices a payload that no longer matches its digest', () => {
    const chain = exampleChain();
    chain[0] = { ...chain[0], payload: { services: ['SHELTER'], priority: 'URGENT' } };
    expect(verifyChain(chain)).toMatchObject({ ok: false, seq: '0', reason: /payloadDigest/ });
  });

  it('notices a removed entry and a relinked chain', () => {
    const [first, second] = exampleChain();
    expect(verifyChain([first, { ...second, seq: '2' }])).toMatchObject({ ok: false, seq: '2' });
    expect(verifyChain([first, { ...second, prevHash: GENESIS_PREV_HASH }])).toMatchObject({
      ok: false,
      seq: '1',
      reason: 'prevHash does not link',
    });
  });

  it('checks a run that starts later against the hash before it', () => {
    const [, second] = exampleChain();
    expect(verifyChain([second], { prevHash: HASH_0 })).toEqual({ ok: true });
    expect(verifyChain([second], { prevHash: HASH_1 })).toMatchObject({ ok: false, seq: '1' });
  });
});
