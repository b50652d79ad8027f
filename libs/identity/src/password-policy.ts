import { badInput } from '@simpul/common';

export const MIN_PASSWORD_LENGTH = 12;
/** Longer inputs are refused before hashing megabytes. */
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * A new password (set by its officer or by an admin): 12 to 1,024 characters, counted as the
 * officer sees them (code points), and not the username. The message names the field, never the value.
 */
export function validNewPassword(field: string, password: string, username?: string): string {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw badInput(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw badInput(field, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
  }
  if (username && password.trim().toLowerCase() === username.trim().toLowerCase()) {
    throw badInput(field, 'must not be the username');
  }
  return password;
}
