import type { CDPSession } from 'playwright-core';

/** JavaScript's share of a first load has a budget (docs/performance.md, "Console on slow links"). */
export const FIRST_LOAD_JS_BUDGET_BYTES = 150 * 1024;

/**
 * Bytes on the wire per resource type from here on, from the DevTools protocol's own accounting
 * (compressed, headers included): `js` for scripts, `all` for everything. Enables the Network
 * domain on `cdp`.
 */
export async function recordWireBytes(cdp: CDPSession): Promise<() => { js: number; all: number }> {
  await cdp.send('Network.enable');
  const types = new Map<string, string>();
  let js = 0;
  let all = 0;
  cdp.on('Network.responseReceived', (e: { requestId: string; type: string }) =>
    types.set(e.requestId, e.type),
  );
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    all += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') js += e.encodedDataLength;
  });
  return () => ({ js, all });
}
