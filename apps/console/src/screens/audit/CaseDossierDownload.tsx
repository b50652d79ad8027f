import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { locale } from '../../i18n/i18n';
import { downloadWithProgress, ExportError, type DownloadProgress } from './download-with-progress';
import { ERROR_CODES } from '../../format/errors';

type Kind = 'json' | 'html';

type State =
  | { step: 'idle' }
  | { step: 'busy'; kind: Kind; progress: DownloadProgress | null }
  | { step: 'done'; file: string; progress: DownloadProgress }
  | { step: 'error'; message: string };

/**
 * The case dossier (Berita Acara Serah Terima) as a file: the JSON that simpul-verify checks
 * offline, or the printable page. Fetched with the session's token, with what has arrived shown
 * as it arrives, then saved by the browser.
 */
export function CaseDossierDownload({ caseId, reference }: { caseId: string; reference: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ step: 'idle' });
  const safe = reference.replace(/[^A-Za-z0-9-]/g, '_');

  async function download(kind: Kind): Promise<void> {
    const file = kind === 'json' ? `dosier-${safe}.json` : `berita-acara-${safe}.html`;
    setState({ step: 'busy', kind, progress: null });
    try {
      const progress = await downloadWithProgress(
        `/exports/cases/${encodeURIComponent(caseId)}/dossier.${kind}`,
        file,
        (p) => setState({ step: 'busy', kind, progress: p }),
      );
      setState({ step: 'done', file, progress });
    } catch (error) {
      const code = error instanceof ExportError ? error.code : 'UNKNOWN';
      const known = code === 'NETWORK' || (ERROR_CODES as readonly string[]).includes(code);
      setState({
        step: 'error',
        message: t(`errors.${known ? code : 'UNKNOWN'}`, {
          message: (error as Error).message,
          seconds: 60,
        }),
      });
    }
  }

  const busy = state.step === 'busy';
  return (
    <section aria-labelledby="dossier-heading" className="panel">
      <Stack gap="sm">
        <Title order={2} size="h3" id="dossier-heading">
          {t('dossier.title')}
        </Title>
        <Text size="sm">{t('dossier.help')}</Text>
        <Group gap="sm">
          <Button
            onClick={() => void download('json')}
            loading={busy && state.kind === 'json'}
            disabled={busy}
          >
            {t('dossier.json')}
          </Button>
          <Button
            variant="default"
            onClick={() => void download('html')}
            loading={busy && state.kind === 'html'}
            disabled={busy}
          >
            {t('dossier.html')}
          </Button>
        </Group>
        {busy && (
          <div className="progress-line">
            <progress
              aria-label={t('dossier.progressLabel')}
              max={state.progress?.total ?? undefined}
              value={state.progress?.total ? state.progress.received : undefined}
            />
            <Text size="sm" role="status">
              {progressText(t, state.progress)}
            </Text>
          </div>
        )}
        {state.step === 'done' && (
          <Text size="sm" role="status" data-download="done">
            {t('dossier.done', {
              file: state.file,
              size: formatBytes(state.progress.received),
              entries: state.progress.entries ?? '—',
            })}
          </Text>
        )}
        {state.step === 'error' && (
          <Alert color="red" variant="outline" role="alert">
            {t('dossier.failed', { message: state.message })}
          </Alert>
        )}
      </Stack>
    </section>
  );
}

function progressText(
  t: (key: string, options?: Record<string, unknown>) => string,
  progress: DownloadProgress | null,
): string {
  if (!progress) return t('dossier.preparing');
  const received = formatBytes(progress.received);
  const entries =
    progress.entries === null ? '' : t('dossier.entries', { count: progress.entries });
  return progress.total
    ? t('dossier.progress', { received, total: formatBytes(progress.total), entries })
    : t('dossier.progressUnknown', { received, entries });
}

function formatBytes(bytes: number): string {
  const kilobytes = bytes >= 1024;
  return new Intl.NumberFormat(locale(), {
    style: 'unit',
    unit: kilobytes ? 'kilobyte' : 'byte',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(kilobytes ? bytes / 1024 : bytes);
}
