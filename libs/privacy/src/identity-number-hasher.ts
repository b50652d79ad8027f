import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { PRIVACY_CONFIG, type PrivacyConfig } from './privacy-config';

/**
 * Keyed hash (HMAC-SHA-256) of an identity number, for finding a person by NIK or passport
 * without storing or comparing the number in clear. The kind is part of the input so a NIK never
 * matches a passport number.
 */
@Injectable()
export class IdentityNumberHasher {
  constructor(@Inject(PRIVACY_CONFIG) private readonly config: PrivacyConfig) {}

  hash(kind: 'nik' | 'passport', value: string | null | undefined): string | null {
    if (!value) return null;
    const normalised = value.replace(/[\s-]/g, '').toUpperCase();
    return createHmac('sha256', this.config.hmacKey).update(`${kind}:${normalised}`).digest('hex');
  }
}
