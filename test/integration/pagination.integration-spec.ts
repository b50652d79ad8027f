import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CaseReader } from '@simpul/case';
import { ErrorCode } from '@simpul/common';
import {
  NO_QUEUE_FILTER,
  ReferralQueueOrder,
  ReferralReader,
  ReferralStatus,
} from '@simpul/referral';
import { bootGateway } from '../support/boot-in-process';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';

describe('keyset pagination of inbox, sent and cases', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await bootGateway();
  });
  afterAll(async () => {
    await app.close();
  });

  it('walks a queue page by page, newest first, without repeats or gaps', async () => {
    const sender = await demoActor(app, 'kemnaker.pengawasan');
    const receiver = await demoActor(app, 'uptdppa.ntt');
    const sent: string[] = [];
    for (let i = 0; i < 5; i++)
      sent.push((await openCaseAndSend(app, sender, 'UPTDPPA-NTT')).referral.id);
    const reader = app.get(ReferralReader);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result = await reader.queue(
        receiver,
        'inbox',
        { status: [ReferralStatus.REQUESTED], stage: null, filter: NO_QUEUE_FILTER },
        ReferralQueueOrder.NEWEST_FIRST,
        2,
        after,
      );
      expect(result.totalCount).toBeGreaterThanOrEqual(5);
      seen.push(...result.items.map((item) => item.entity.id));
      if (!result.hasNextPage) break;
      after = result.items.at(-1)!.cursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => sent.includes(id))).toEqual([...sent].reverse());
  });

  it('pages cases the same way and refuses a forged cursor', async () => {
    const lead = await demoActor(app, 'kemnaker.pengawasan');
    const first = await app.get(CaseReader).list(lead, null, 1, null);
    expect(first.items).toHaveLength(1);
    expect(first.hasNextPage).toBe(true);
    const second = await app.get(CaseReader).list(lead, null, 1, first.items[0].cursor);
    expect(second.items[0].entity.id).not.toBe(first.items[0].entity.id);
    await expect(app.get(CaseReader).list(lead, null, 1, 'forged')).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
    });
  });
});
