import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { PRIVACY_CONFIG, type PrivacyConfig } from './privacy-config';

/** The identity of a person: encrypted together, as one value, bound to the person's id. */
export interface PersonIdentity {
  fullName: string;
  nationalId: string | null;
  passportNumber: string | null;
  birthDate: string | null;
  phone: string | null;
}

const VERSION = 'v1';

/**
 * Encryption at rest for personal data (victim identities, police notes). AES-256-GCM with a
 * random 96-bit IV per value and the owning row's id as additional authenticated data, so a
 * ciphertext copied onto another row fails to decrypt. Stored as
 * `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url): the key id travels with the value, so the key
 * ring can rotate and old values stay readable until re-encrypted.
 */
@Injectable()
export class PersonalDataCipher {
  constructor(@Inject(PRIVACY_CONFIG) private readonly config: PrivacyConfig) {}

  get activeKeyId(): string {
    return this.config.activeKeyId;
  }

  seal(ownerId: string, value: unknown): string {
    const keyId = this.config.activeKeyId;
    const key = this.config.keys.get(keyId) as Buffer;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(ownerId, 'utf8'));
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
    return [VERSION, keyId, ...parts].join('.');
  }

  open<T>(ownerId: string, stored: string): T {
    const [version, keyId, iv, tag, body] = stored.split('.');
    const key = this.config.keys.get(keyId);
    if (version !== VERSION || !key || !iv || !tag || body === undefined) {
      // Never echo the value: it is ciphertext of personal data.
      throw new Error(`sealed value of ${ownerId} is not readable with the configured key ring`);
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(ownerId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]);
    return JSON.parse(plain.toString('utf8')) as T;
  }

  static keyIdOf(stored: string): string {
    return stored.split('.')[1];
  }
}
