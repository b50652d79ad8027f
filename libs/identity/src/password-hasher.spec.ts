import { PasswordHasher } from './password-hasher';

// Cheap parameters keep the suite fast; the format and the comparison are what is under test.
const hasher = new PasswordHasher({ N: 1024, r: 8, p: 1 });

describe('PasswordHasher', () => {
  it('verifies the password it hashed and refuses any other', async () => {
    const stored = await hasher.hash('simpul-demo');
    await expect(hasher.verify('simpul-demo', stored)).resolves.toBe(true);
    await expect(hasher.verify('simpul-demo ', stored)).resolves.toBe(false);
    await expect(hasher.verify('', stored)).resolves.toBe(false);
  });

  it('stores the scrypt parameters and a random salt with every hash', async () => {
    const [first, second] = await Promise.all([hasher.hash('same'), hasher.hash('same')]);
    expect(first).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
  });

  it('keeps verifying hashes made with other parameters', async () => {
    const stronger = await new PasswordHasher({ N: 2048, r: 8, p: 2 }).hash('rotate me');
    await expect(hasher.verify('rotate me', stronger)).resolves.toBe(true);
  });

  it('treats a malformed stored value as a mismatch, not an error', async () => {
    for (const stored of ['', 'plain', 'scrypt$1000$8$1$c2FsdA==$aGFzaA==', 'bcrypt$x$y$z$a$b']) {
      await expect(hasher.verify('anything', stored)).resolves.toBe(false);
    }
  });

  it('runs a full verification for unknown users and always fails', async () => {
    await expect(hasher.verifyDummy('simpul-demo')).resolves.toBe(false);
  });

  it('normalises Unicode so the same password typed on another keyboard still matches', async () => {
    const stored = await hasher.hash('caf\u00e9');
    await expect(hasher.verify('cafe\u0301', stored)).resolves.toBe(true);
  });
});
