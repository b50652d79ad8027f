import { randomBytes } from 'node:crypto';
import { PersonalDataCipher, type PersonIdentity } from './personal-data-cipher';
import type { PrivacyConfig } from './privacy-config';

const identity: PersonIdentity = {
  fullName: 'Maria Goreti Bili',
  nationalId: '5371010101990001',
  passportNumber: 'C1234567',
  birthDate: '1999-01-01',
  phone: '+6281234567890',
};

const ring = (activeKeyId: string, ...ids: string[]): PrivacyConfig => ({
  keys: new Map(ids.map((id) => [id, keys[id]])),
  activeKeyId,
  hmacKey: Buffer.from('h'),
});
const keys: Record<string, Buffer> = { k1: randomBytes(32), k2: randomBytes(32) };

describe('PersonalDataCipher', () => {
  it('round-trips a value bound to its owner, with the key id beside it', () => {
    const cipher = new PersonalDataCipher(ring('k1', 'k1'));
    const sealed = cipher.seal('person-1', identity);
    expect(sealed).not.toContain('Maria');
    expect(PersonalDataCipher.keyIdOf(sealed)).toBe('k1');
    expect(cipher.open('person-1', sealed)).toEqual(identity);
  });

  it('uses a fresh IV every time', () => {
    const cipher = new PersonalDataCipher(ring('k1', 'k1'));
    expect(cipher.seal('p', identity)).not.toBe(cipher.seal('p', identity));
  });

  it('refuses a value moved to another owner or tampered with', () => {
    const cipher = new PersonalDataCipher(ring('k1', 'k1'));
    const sealed = cipher.seal('person-1', identity);
    expect(() => cipher.open('person-2', sealed)).toThrow();
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.open('person-1', parts.join('.'))).toThrow();
  });

  it('reads values of a retired key after rotation and writes with the new one', () => {
    const before = new PersonalDataCipher(ring('k1', 'k1'));
    const old = before.seal('p', identity);
    const after = new PersonalDataCipher(ring('k2', 'k1', 'k2'));
    expect(after.open('p', old)).toEqual(identity);
    expect(PersonalDataCipher.keyIdOf(after.seal('p', identity))).toBe('k2');
    const without = new PersonalDataCipher(ring('k2', 'k2'));
    expect(() => without.open('p', old)).toThrow(/not readable/);
    expect(() => without.open('p', old)).not.toThrow(/Maria/);
  });
});
