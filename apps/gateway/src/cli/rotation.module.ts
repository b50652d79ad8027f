import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEntity, PersonEntity, ResealPersonalData } from '@simpul/case';
import { ConfigModule } from '@simpul/config';
import { DatabaseModule } from '@simpul/database';
import { PrivacyModule } from '@simpul/privacy';

/** Just what re-sealing personal data needs: the database and the key ring. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    PrivacyModule,
    TypeOrmModule.forFeature([PersonEntity, CaseEntity]),
  ],
  providers: [ResealPersonalData],
})
export class RotationModule {}
