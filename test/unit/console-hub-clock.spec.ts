import { hubNow, hubOffset, noteHubClock } from '../../apps/console/src/graphql/hub-clock';

describe("the console's hub clock", () => {
  it('takes the middle of the round trip as the moment the hub read its clock', () => {
    // Sent at 1 000, received at 1 400 (browser ms); the hub said 10 s later than the middle.
    expect(hubOffset(new Date(11_200).toISOString(), 1_000, 1_400)).toBe(10_000);
    expect(hubOffset(null, 1_000, 1_400)).toBeNull();
    expect(hubOffset('not a time', 1_000, 1_400)).toBeNull();
  });

  it("counts on the hub's time once a response announced it, and ignores jitter", () => {
    const sentAt = Date.now();
    // A hub 3 days ahead of the browser (a moved test clock, or a laptop's clock far behind).
    const ahead = 3 * 86_400_000;
    noteHubClock(new Date(sentAt + ahead).toISOString(), sentAt, sentAt);
    expect(Math.abs(hubNow() - (Date.now() + ahead))).toBeLessThan(50);
    // A later response 300 ms off is network jitter: the offset stays.
    noteHubClock(new Date(Date.now() + ahead + 300).toISOString(), Date.now(), Date.now());
    expect(Math.abs(hubNow() - (Date.now() + ahead))).toBeLessThan(50);
    // A response without the header leaves it too; a real change replaces it.
    noteHubClock(null, Date.now(), Date.now());
    expect(Math.abs(hubNow() - (Date.now() + ahead))).toBeLessThan(50);
    noteHubClock(new Date(Date.now() - 60_000).toISOString(), Date.now(), Date.now());
    expect(Math.abs(hubNow() - (Date.now() - 60_000))).toBeLessThan(50);
  });
});
