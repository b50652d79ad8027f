import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits: a refresh token cannot be guessed, so a fast digest is enough to store it. */
const REFRESH_TOKEN_BYTES = 32;

/** Longer values are refused before hashing: no real refresh token is longer than 43 characters. */
export const MAX_REFRESH_TOKEN_LENGTH = 200;

/** A new refresh token (base64url, 43 characters). Only its digest is ever stored. */
export function newRefreshToken(): string {
  return randomBytes(REFRESH_TOKEN_BYTES).toString('base64url');
}

/** Hex SHA-256 of the token: the key it is stored and found under. */
export function refreshTokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
