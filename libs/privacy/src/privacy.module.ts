import { Global, Module } from '@nestjs/common';
import { PersonalDataCipher } from './personal-data-cipher';
import { IdentityNumberHasher } from './identity-number-hasher';
import { loadPrivacyConfig, PRIVACY_CONFIG } from './privacy-config';

/** Keys are read and validated when the module boots: a bad PII_* variable stops the process. */
@Global()
@Module({
  providers: [
    { provide: PRIVACY_CONFIG, useFactory: () => loadPrivacyConfig() },
    PersonalDataCipher,
    IdentityNumberHasher,
  ],
  exports: [PRIVACY_CONFIG, PersonalDataCipher, IdentityNumberHasher],
})
export class PrivacyModule {}
