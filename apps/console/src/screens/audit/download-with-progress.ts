import { accessToken } from '../../session/access-token';
import { readWithProgress, type DownloadProgress } from './read-with-progress';

export type { DownloadProgress };

/** An export refused or unreachable, by the API's error code (the console words it). */
export class ExportError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

/**
 * Fetches an export with the session's bearer token (a plain link cannot carry it), reading the
 * body as a stream so `onProgress` can show what has arrived, then hands it to the browser as a
 * file (a Blob behind a download link). Throws an ExportError on an error.
 */
export async function downloadWithProgress(
  path: string,
  fileName: string,
  onProgress: (progress: DownloadProgress) => void,
): Promise<DownloadProgress> {
  const token = accessToken();
  let response: Response;
  try {
    response = await fetch(path, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      cache: 'no-store',
    });
  } catch {
    throw new ExportError('NETWORK');
  }
  if (!response.ok) {
    // The exports answer the API's codes: { "error": { "code", "message" } }.
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
    throw new ExportError(body.error?.code ?? 'UNKNOWN', `HTTP ${response.status}`);
  }
  const { blob, progress } = await readWithProgress(response, onProgress);
  saveFile(blob, fileName);
  return progress;
}

function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser the moment it needs to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
