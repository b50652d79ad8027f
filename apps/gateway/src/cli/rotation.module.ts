import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEntity, PersonEntity, ResealPersonalData } from '@simpul/case';
import { ConfigModule } from '@simpul/config';
import { DatabaseModule } from '@simpul/database';
import { ResealWebhookSecrets } from '@simpul/notification';
import { PrivacyModule } from '@simpul/privacy';

/**
 * Just what re-sealing needs: the database and the key ring — for personal data and for the
 * webhook secrets sealed with the same ring.
 */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    PrivacyModule,
    TypeOrmModule.forFeature([PersonEntity, CaseEntity]),
  ],
  providers: [ResealPersonalData, ResealWebhookSecrets],
})
export class RotationModule {}
