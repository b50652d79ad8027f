/**
 * Rate limits count in one-minute windows (apps/gateway/src/hardening/rate-limit). A test that
 * sends a burst and expects the limit to bite waits, if needed, so that the burst does not straddle
 * a window boundary, where part of it would already be weighted down as "previous window".
 */
export async function awayFromRateLimitWindowEdge(needMs = 10_000): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 100));
}
