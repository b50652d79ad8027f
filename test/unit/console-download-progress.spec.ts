import {
  readWithProgress,
  type DownloadProgress,
} from '../../apps/console/src/screens/audit/read-with-progress';

/** The console's dossier download reads the body as it arrives and says how much has come. */
describe('readWithProgress', () => {
  const body = (chunks: string[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });

  it('reports bytes received against Content-Length and the entries announced, chunk by chunk', async () => {
    const seen: DownloadProgress[] = [];
    const response = new Response(body(['{"entries":', '[1,2,', '3]}']), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': '19',
        'x-simpul-entries': '3',
      },
    });
    const { blob, progress } = await readWithProgress(response, (p) => seen.push(p));
    expect(seen.map((p) => p.received)).toEqual([0, 11, 16, 19]);
    expect(seen.every((p) => p.total === 19 && p.entries === 3)).toBe(true);
    expect(progress).toEqual({ received: 19, total: 19, entries: 3 });
    expect(blob.type).toBe('application/json; charset=utf-8');
    expect(await blob.text()).toBe('{"entries":[1,2,3]}');
  });

  it('claims no total for a compressed body, whose length is not what the reader counts', async () => {
    const seen: DownloadProgress[] = [];
    const response = new Response(body(['<html>', '</html>']), {
      headers: { 'content-length': '5', 'content-encoding': 'br' },
    });
    const { progress } = await readWithProgress(response, (p) => seen.push(p));
    expect(progress).toEqual({ received: 13, total: null, entries: null });
    expect(seen.map((p) => p.received)).toEqual([0, 6, 13]);
  });
});
