import { accessToken } from '../../session/access-token';

/**
 * Fetches GET /statistics/evaluation.csv with the session's bearer token (a link cannot carry
 * it) and hands the file to the browser as a download. Throws the server's message on an error.
 */
export async function downloadEvaluationCsv(fromMonth: string, toMonth: string): Promise<void> {
  const token = accessToken();
  const query = new URLSearchParams({ fromMonth, toMonth });
  const response = await fetch(`/statistics/evaluation.csv?${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message ?? `HTTP ${response.status}`);
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = `simpul-statistik-${fromMonth}_${toMonth}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser the moment it needs to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
