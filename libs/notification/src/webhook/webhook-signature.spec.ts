import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

const SECRET = 'whsec-test-0123456789abcdef0123456789';
const BODY = '{"event":"REFERRAL_DELIVERED","seq":"12"}';

describe('webhook signatures', () => {
  it('is HMAC-SHA256 over timestamp.body, as the README tells receivers', () => {
    const header = signWebhook(SECRET, BODY, 1_800_000_000);
    const expected = createHmac('sha256', SECRET).update(`1800000000.${BODY}`).digest('hex');
    expect(header).toBe(`t=1800000000,v1=${expected}`);
  });

  it('verifies within the replay window and refuses outside it', () => {
    const header = signWebhook(SECRET, BODY, 1_800_000_000);
    expect(verifyWebhookSignature(SECRET, BODY, header, 1_800_000_100)).toBe(true);
    expect(verifyWebhookSignature(SECRET, BODY, header, 1_800_000_301)).toBe(false);
    expect(verifyWebhookSignature(SECRET, BODY, header, 1_799_999_699)).toBe(false);
  });

  it('refuses another body, another secret, another time and garbage', () => {
    const header = signWebhook(SECRET, BODY, 1_800_000_000);
    const now = 1_800_000_000;
    expect(verifyWebhookSignature(SECRET, `${BODY} `, header, now)).toBe(false);
    expect(verifyWebhookSignature(`${SECRET}x`, BODY, header, now)).toBe(false);
    expect(
      verifyWebhookSignature(SECRET, BODY, header.replace('t=1800000000', 't=1800000001'), now),
    ).toBe(false);
    expect(verifyWebhookSignature(SECRET, BODY, undefined, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, BODY, 't=1800000000,v1=zz', now)).toBe(false);
  });
});
