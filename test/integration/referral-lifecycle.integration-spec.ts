import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CloseCaseUseCase } from '@simpul/case';
import { DomainError, ErrorCode } from '@simpul/common';
import {
  AcceptReferralUseCase,
  AcknowledgeReferralUseCase,
  CancelReferralUseCase,
  CompleteReferralUseCase,
  NO_QUEUE_FILTER,
  ReferralQueueOrder,
  HoldReferralUseCase,
  RedirectReferralUseCase,
  ReferralReader,
  ReferralStatus,
  RejectReferralUseCase,
  RejectionReason,
  ResumeReferralUseCase,
  StartReferralUseCase,
} from '@simpul/referral';
import { bootGateway, dataSourceOf, unitId } from '../support/boot-in-process';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';

async function codeOf(attempt: Promise<unknown>): Promise<ErrorCode> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a domain error');
}

describe('referral lifecycle on PostgreSQL', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await bootGateway();
  });
  afterAll(async () => {
    await app.close();
  });

  it('two officers accepting the same referral at once: exactly one ACCEPTED, one CONFLICT', async () => {
    const sender = await demoActor(app, 'kbri.phnompenh');
    const desk = await demoActor(app, 'bp3mi.ntt');
    const head = await demoActor(app, 'bp3mi.ntt.kepala');
    const { referral } = await openCaseAndSend(app, sender, 'BP3MI-NTT');
    const accept = app.get(AcceptReferralUseCase);
    const results = await Promise.allSettled([
      accept.execute(desk, referral.id, null, 1),
      accept.execute(head, referral.id, null, 1),
    ]);
    const accepted = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toMatchObject({ code: ErrorCode.CONFLICT });
    const stored = await app.get(ReferralReader).byId(desk, referral.id);
    expect(stored.status).toBe(ReferralStatus.ACCEPTED);
    expect(stored.version).toBe(2);
  });

  it('walks the happy path with versions, timestamps and held deadlines', async () => {
    const sender = await demoActor(app, 'kbri.phnompenh');
    const receiver = await demoActor(app, 'kemlu.pwni');
    const { referral } = await openCaseAndSend(app, sender, 'KEMLU-PWNI');
    const acked = await app.get(AcknowledgeReferralUseCase).execute(receiver, referral.id, 1);
    expect(acked).toMatchObject({ status: ReferralStatus.RECEIVED, version: 2 });
    expect(acked.acknowledgedAt).toBeInstanceOf(Date);
    expect(
      await codeOf(app.get(AcknowledgeReferralUseCase).execute(receiver, referral.id, 2)),
    ).toBe(ErrorCode.CONFLICT);
    expect(
      await codeOf(app.get(AcceptReferralUseCase).execute(receiver, referral.id, null, 1)),
    ).toBe(ErrorCode.CONFLICT);
    const accepted = await app
      .get(AcceptReferralUseCase)
      .execute(receiver, referral.id, 'Diterima', 2);
    expect(accepted).toMatchObject({
      status: ReferralStatus.ACCEPTED,
      acceptedById: receiver.officerId,
    });
    await app.get(StartReferralUseCase).execute(receiver, referral.id);
    const held = await app
      .get(HoldReferralUseCase)
      .execute(receiver, referral.id, 'Menunggu dokumen');
    expect(held.status).toBe(ReferralStatus.ON_HOLD);
    const resumed = await app.get(ResumeReferralUseCase).execute(receiver, referral.id);
    expect(resumed.status).toBe(ReferralStatus.IN_PROGRESS);
    expect(await codeOf(app.get(CancelReferralUseCase).execute(sender, referral.id, 'batal'))).toBe(
      ErrorCode.CONFLICT,
    );
    const done = await app
      .get(CompleteReferralUseCase)
      .execute(receiver, referral.id, 'Dipulangkan');
    expect(done).toMatchObject({
      status: ReferralStatus.COMPLETED,
      outcome: 'Dipulangkan',
      version: 7,
    });
    expect(done.closedAt).toBeInstanceOf(Date);
  });

  it('returns a rejected referral to the sender with the coded reason', async () => {
    const sender = await demoActor(app, 'kbri.phnompenh');
    const receiver = await demoActor(app, 'kemnaker.pengawasan');
    const { referral } = await openCaseAndSend(app, sender, 'KEMNAKER-BINWAS');
    await app
      .get(RejectReferralUseCase)
      .execute(receiver, referral.id, RejectionReason.NOT_MANDATE, 'Bukan kewenangan');
    const page = await app
      .get(ReferralReader)
      .queue(
        sender,
        'sent',
        { status: [ReferralStatus.REJECTED], stage: null, filter: NO_QUEUE_FILTER },
        ReferralQueueOrder.NEWEST_FIRST,
        100,
      );
    const returned = page.items.find((item) => item.entity.id === referral.id)?.entity;
    expect(returned).toMatchObject({
      rejectionReason: RejectionReason.NOT_MANDATE,
      statusNote: 'Bukan kewenangan',
    });
  });

  it('redirects to a new linked referral with the same sender, case, services and persons', async () => {
    const sender = await demoActor(app, 'kbri.phnompenh');
    const receiver = await demoActor(app, 'kp2mi.pusat');
    const { referral, caseId, personId } = await openCaseAndSend(app, sender, 'KP2MI-PUSAT');
    const ds = dataSourceOf(app);
    const child = await app
      .get(RedirectReferralUseCase)
      .execute(receiver, referral.id, await unitId(ds, 'BP3MI-NTT'), 'Wilayah NTT');
    expect(child).toMatchObject({
      status: ReferralStatus.REQUESTED,
      caseId,
      fromUnitId: referral.fromUnitId,
      sentById: referral.sentById,
      services: referral.services,
      redirectedFromId: referral.id,
    });
    const parent = await app.get(ReferralReader).byId(sender, referral.id);
    expect(parent).toMatchObject({ status: ReferralStatus.REDIRECTED, redirectedToId: child.id });
    const persons: { person_id: string }[] = await ds.query(
      'SELECT person_id FROM referral_person WHERE referral_id = $1',
      [child.id],
    );
    expect(persons.map((p) => p.person_id)).toEqual([personId]);
    const ntt = await demoActor(app, 'bp3mi.ntt');
    expect((await app.get(ReferralReader).byId(ntt, child.id)).id).toBe(child.id);
  });

  it('answers NOT_FOUND to a stranger and FORBIDDEN to a party on the wrong side', async () => {
    const sender = await demoActor(app, 'kbri.phnompenh');
    const receiver = await demoActor(app, 'kemensos.rptc');
    const stranger = await demoActor(app, 'lpsk');
    const auditor = await demoActor(app, 'auditor');
    const { referral } = await openCaseAndSend(app, sender, 'RPTC-BAMBUAPUS');
    const accept = app.get(AcceptReferralUseCase);
    expect(await codeOf(accept.execute(stranger, referral.id))).toBe(ErrorCode.NOT_FOUND);
    expect(await codeOf(app.get(ReferralReader).byId(stranger, referral.id))).toBe(
      ErrorCode.NOT_FOUND,
    );
    expect(await codeOf(accept.execute(sender, referral.id))).toBe(ErrorCode.FORBIDDEN);
    expect(await codeOf(app.get(CancelReferralUseCase).execute(receiver, referral.id, 'x'))).toBe(
      ErrorCode.FORBIDDEN,
    );
    expect(await codeOf(accept.execute(auditor, referral.id))).toBe(ErrorCode.FORBIDDEN);
    expect(await codeOf(accept.execute(receiver, 'not-a-uuid'))).toBe(ErrorCode.NOT_FOUND);
  });

  it('closes a case only when no referral is open, and only by the lead unit', async () => {
    const lead = await demoActor(app, 'kbri.phnompenh');
    const receiver = await demoActor(app, 'lpsk');
    const { referral, caseId } = await openCaseAndSend(app, lead, 'LPSK-PUSAT');
    const close = app.get(CloseCaseUseCase);
    expect(await codeOf(close.execute(lead, caseId, 'selesai'))).toBe(ErrorCode.CONFLICT);
    expect(await codeOf(close.execute(receiver, caseId, 'selesai'))).toBe(ErrorCode.FORBIDDEN);
    await app.get(CancelReferralUseCase).execute(lead, referral.id, 'Ditangani sendiri');
    expect(await codeOf(close.execute(lead, caseId, ''))).toBe(ErrorCode.BAD_USER_INPUT);
    const closed = await close.execute(lead, caseId, 'Kasus selesai');
    expect(closed.status).toBe('CLOSED');
    expect(await codeOf(close.execute(lead, caseId, 'lagi'))).toBe(ErrorCode.CONFLICT);
  });
});
