import type { INestApplicationContext } from '@nestjs/common';
import { CaseStatus, OpenCaseUseCase, Sex } from '@simpul/case';
import { ExploitationType } from '@simpul/case';
import type { Actor } from '@simpul/identity';
import {
  LawfulBasis,
  SendReferralUseCase,
  ServiceType,
  type ReferralEntity,
} from '@simpul/referral';
import { Priority } from '@simpul/sla';
import { actorFor, dataSourceOf, unitId } from './boot-in-process';

/** Opens a case as `lead` (one person) and sends it to `toUnitCode`; returns both. */
export async function openCaseAndSend(
  app: INestApplicationContext,
  lead: Actor,
  toUnitCode: string,
  options: { services?: ServiceType[]; priority?: Priority; confidential?: boolean } = {},
): Promise<{ caseId: string; personId: string; referral: ReferralEntity }> {
  const opened = await app.get(OpenCaseUseCase).execute(lead, {
    title: 'Pekerja migran di pusat penipuan daring',
    exploitationTypes: [ExploitationType.ONLINE_SCAM],
    persons: [{ fullName: 'Korban Uji', sex: Sex.FEMALE, birthDate: '1998-04-01' }],
  });
  if (opened.status !== CaseStatus.OPEN) throw new Error('case not open');
  const [person]: { id: string }[] = await dataSourceOf(app).query(
    'SELECT id FROM person WHERE case_id = $1',
    [opened.id],
  );
  const referral = await app.get(SendReferralUseCase).execute(lead, {
    caseId: opened.id,
    toUnitId: await unitId(dataSourceOf(app), toUnitCode),
    services: options.services ?? [ServiceType.REPATRIATION],
    priority: options.priority ?? Priority.URGENT,
    summary: 'Mohon pemulangan',
    personIds: [person.id],
    lawfulBasis: { basis: LawfulBasis.VITAL_INTEREST },
    confidential: options.confidential,
  });
  return { caseId: opened.id, personId: person.id, referral };
}

export const demoActor = (app: INestApplicationContext, username: string) =>
  actorFor(dataSourceOf(app), username);
