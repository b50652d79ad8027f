export interface DownloadProgress {
  received: number;
  /** Content-Length when the server announced it (null when compressed or unknown). */
  total: number | null;
  /** Entries the document holds, from X-Simpul-Entries. */
  entries: number | null;
}

/**
 * Reads a response's body chunk by chunk, reporting the bytes received against Content-Length
 * (unless the body is compressed: the reader counts decoded bytes) and the entries announced by
 * X-Simpul-Entries, and returns it as a Blob of the response's type.
 */
export async function readWithProgress(
  response: Response,
  onProgress: (progress: DownloadProgress) => void,
): Promise<{ blob: Blob; progress: DownloadProgress }> {
  const length = Number(response.headers.get('content-length'));
  const compressed = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  const entriesHeader = response.headers.get('x-simpul-entries');
  const progress: DownloadProgress = {
    received: 0,
    total: !compressed && length > 0 ? length : null,
    entries: entriesHeader === null ? null : Number(entriesHeader),
  };
  onProgress({ ...progress });
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      progress.received += value.length;
      onProgress({ ...progress });
    }
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return { blob: new Blob(chunks, { type }), progress };
}
