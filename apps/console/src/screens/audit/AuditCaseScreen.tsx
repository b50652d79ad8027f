import { Alert, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PageTitle } from '../../components/PageTitle';
import { errorText } from '../../format/errors';
import { formatLocal } from '../../format/time';
import { AUDIT_CASE } from './audit-queries';
import { CaseDossierDownload } from './CaseDossierDownload';
import { CaseLedgerCheck } from './CaseLedgerCheck';
import { handoffPicture } from './handoff-picture';
import { HandoffPictureSvg } from './HandoffPictureSvg';
import { actorLabel } from '../../format/actor';

/**
 * A case's story for the auditor: the handoff picture beside the readable list of events, the
 * in-browser verification of its ledger entries and its dossier to take away.
 */
export default function AuditCaseScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: AUDIT_CASE, variables: { id } });
  const c = data?.case;
  const picture = useMemo(
    () => (c && data ? handoffPicture(c, data.handoffTimeline) : null),
    [c, data],
  );
  const [failedSeq, setFailedSeq] = useState<string | null>(null);
  if (fetching && !c) return <Text role="status">{t('app.loading')}</Text>;
  if (!c || !picture) {
    return (
      <Stack>
        <PageTitle text={t('audit.timeline')} />
        <Alert color="red" variant="outline" role="alert">
          {errorText(t, error) ?? t('errors.NOT_FOUND')}
        </Alert>
      </Stack>
    );
  }
  const entries = data.handoffTimeline;
  return (
    <Stack gap="md">
      <PageTitle text={`${t('audit.timeline')}: ${c.reference}`} />
      <Text>
        {c.title} ·{' '}
        <strong>
          {t('audit.holder', { unit: picture.holders.join(', ') || t('audit.nobody') })}
        </strong>
      </Text>
      <div className="audit-tools">
        <CaseLedgerCheck caseId={c.id} onFailedSeq={setFailedSeq} />
        <CaseDossierDownload caseId={c.id} reference={c.reference} />
      </div>
      <section aria-labelledby="picture-heading">
        <Title order={2} size="h3" id="picture-heading" mb="xs">
          {t('audit.picture')}
        </Title>
        <HandoffPictureSvg picture={picture} reference={c.reference} />
      </section>
      <section aria-labelledby="list-heading">
        <Title order={2} size="h3" id="list-heading" mb="xs">
          {t('audit.list')}
        </Title>
        <ol className="timeline-list">
          {entries.map((e, i) => (
            <li key={e.id} className={e.seq === failedSeq ? 'verify-failed' : undefined}>
              <Text fw={700}>
                {i + 1}. {t(`enum.action.${e.action}`)}
                {e.referral ? ` — ${e.referral.reference}` : ''}
              </Text>
              {e.seq === failedSeq && (
                <Text size="sm" fw={700} c="red.9">
                  {t('verify.failedTag')}
                </Text>
              )}
              <Text size="sm">
                <time dateTime={e.at}>{formatLocal(e.at)}</time>
                {(e.fromUnit || e.toUnit) &&
                  ` · ${e.fromUnit?.name ?? '—'} → ${e.toUnit?.name ?? '—'}`}
              </Text>
              <Text size="sm">
                {t('audit.actor')}: {actorLabel(t, e)}
              </Text>
              {e.note && <Text size="sm">“{e.note}”</Text>}
              <details>
                <summary>{t('audit.detail')}</summary>
                <dl className="facts">
                  <dt>{t('audit.seq')}</dt>
                  <dd>{e.seq}</dd>
                  <dt>{t('audit.entryHash')}</dt>
                  <dd className="hash">{e.entryHash}</dd>
                  <dt>{t('audit.prevHash')}</dt>
                  <dd className="hash">{e.prevHash}</dd>
                </dl>
              </details>
            </li>
          ))}
        </ol>
      </section>
    </Stack>
  );
}
