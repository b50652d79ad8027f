import { DomainError, ErrorCode } from '@simpul/common';
import { validNewPassword } from './password-policy';

function inputError(attempt: () => unknown): DomainError {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('validNewPassword', () => {
  it('accepts 12 characters or more', () => {
    expect(validNewPassword('newPassword', 'twelve-chars')).toBe('twelve-chars');
  });

  it('refuses fewer than 12 characters, naming the field and not the value', () => {
    const error = inputError(() => validNewPassword('newPassword', 'short-pass1'));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.message).toBe('newPassword: must be at least 12 characters');
    expect(error.details).toEqual({ field: 'newPassword' });
  });

  it('counts characters, not UTF-16 units', () => {
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(() => validNewPassword('password', '🔑'.repeat(11))).toThrow(/at least 12/);
  });

  it('refuses more than 1,024 characters and the username itself', () => {
    expect(() => validNewPassword('password', 'x'.repeat(1025))).toThrow(/at most 1024/);
    const error = inputError(() =>
      validNewPassword('password', 'Petugas.BP3MI.NTT', 'petugas.bp3mi.ntt'),
    );
    expect(error.message).toBe('password: must not be the username');
  });
});
