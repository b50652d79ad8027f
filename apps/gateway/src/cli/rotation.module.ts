import { Module } from '@nestjs/common';
import { CaseKeyRotationModule } from '@simpul/case';
import { ConfigModule } from '@simpul/config';

/** Just what re-sealing personal data needs: the case lib's rotation, the database, the key ring. */
@Module({ imports: [ConfigModule, CaseKeyRotationModule] })
export class RotationModule {}
