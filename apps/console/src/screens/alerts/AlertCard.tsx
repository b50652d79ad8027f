import { Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { SaveCancelButtons } from '../../components/SaveCancelButtons';
import { Tag, type TagTone } from '../../components/Tag';
import { errorText } from '../../format/errors';
import { formatLocal } from '../../format/time';
import { enumsId } from '../../i18n/enums.id';
import { countryName, regionName } from '../../reference/regions';
import {
  ACKNOWLEDGE_ALERT,
  ACKNOWLEDGE_ALERT_ESCALATION,
  DISMISS_ALERT,
  LINK_ALERT,
  MY_CASES,
  PROMOTE_ALERT,
  RESOLVE_ALERT,
  type FeedAlertData,
} from './alert-queries';

type Mode = 'resolve' | 'dismiss' | 'link' | 'promote';
type Reason = keyof typeof enumsId.dismissal;

const SEVERITY_TONE: Record<string, TagTone> = {
  CRITICAL: 'red',
  HIGH: 'orange',
  MEDIUM: 'blue',
  LOW: 'gray',
};

/**
 * One alert with the actions the caller's unit may take on it: a card of the feed (its reference
 * opens the alert's own screen), or `detailed` on that screen (every receiving unit with its
 * delivery and acknowledgement in view). A unit the alert only escalated to (myEscalation)
 * acknowledges it by its escalation and leaves resolving, dismissing and linking to the receiving
 * units (docs/access-model.md, "Alerts").
 */
export function AlertCard({
  alert,
  onResult,
  detailed = false,
}: {
  alert: FeedAlertData;
  onResult: (text: string, ok: boolean) => void;
  detailed?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<Mode | null>(null);
  const [, acknowledge] = useMutation(ACKNOWLEDGE_ALERT);
  const [, acknowledgeEscalation] = useMutation(ACKNOWLEDGE_ALERT_ESCALATION);
  const [busy, setBusy] = useState(false);
  const open = alert.status === 'RAISED' || alert.status === 'ACKNOWLEDGED';
  const mayAct = !alert.restricted;
  const escalatedHere = alert.myEscalation;
  const mayClose = mayAct && !escalatedHere;
  const done = (what: string) =>
    onResult(t('alerts.done', { reference: alert.reference, what: t(`alerts.${what}`) }), true);
  const failed = (error: Parameters<typeof errorText>[1]) =>
    onResult(`${alert.reference}: ${errorText(t, error)}`, false);

  const runAcknowledge = async () => {
    setBusy(true);
    const result = escalatedHere
      ? await acknowledgeEscalation({ id: alert.id })
      : await acknowledge({ id: alert.id });
    setBusy(false);
    if (result.data) done('acknowledged');
    else failed(result.error);
  };

  const where = alert.countryCode
    ? t('alerts.abroad', { country: countryName(alert.countryCode, i18n.language) })
    : regionName(alert.regionCode);
  return (
    <article className="panel" aria-label={`${alert.reference}`}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          {detailed ? (
            <Text fw={700}>{alert.reference}</Text>
          ) : (
            <Link
              to={paths.alert(alert.id)}
              aria-label={t('alertDetail.open', { reference: alert.reference })}
            >
              <Text fw={700} span>
                {alert.reference}
              </Text>
            </Link>
          )}
          <Tag tone={SEVERITY_TONE[alert.severity] ?? 'gray'}>
            {t(`enum.severity.${alert.severity}`)}
          </Tag>
          <Tag tone="outline">{t(`enum.alertType.${alert.type}`)}</Tag>
          <Tag tone={open ? 'teal' : 'gray'}>{t(`enum.alertStatus.${alert.status}`)}</Tag>
          {alert.escalationLevel > 0 && (
            <Tag tone="red">{t('alerts.escalated', { level: alert.escalationLevel })}</Tag>
          )}
        </Group>
        <Text size="sm">
          {t('alerts.raisedBy', { unit: alert.raisedByUnit.name })} ·{' '}
          {t('alerts.raisedAt', { at: formatLocal(alert.raisedAt) })} · {where}
        </Text>
        {escalatedHere && (
          <Text size="sm" fw={600}>
            {t('alerts.reachedByEscalation', { level: escalatedHere.level })}
          </Text>
        )}
        {alert.summary && <Text>{alert.summary}</Text>}
        {alert.exploitationTypes.length > 0 && (
          <Text size="sm">
            {alert.exploitationTypes.map((x) => t(`enum.exploitation.${x}`)).join(', ')}
          </Text>
        )}
        {alert.case && (
          <Text size="sm">
            <Link to={paths.case(alert.case.id)}>
              {t('alerts.case', { reference: alert.case.reference })}
            </Link>
          </Text>
        )}
        {detailed ? (
          <section aria-labelledby={`receivers-${alert.id}`}>
            <Text fw={600} id={`receivers-${alert.id}`}>
              {t('alertDetail.receivers')} ({alert.deliveries.length})
            </Text>
            <Receivers alert={alert} detailed />
            {alert.escalations.length > 0 && (
              <>
                <Text fw={600} id={`escalations-${alert.id}`}>
                  {t('alertDetail.escalations')} ({alert.escalations.length})
                </Text>
                <ul aria-labelledby={`escalations-${alert.id}`}>
                  {alert.escalations.map((e) => (
                    <li key={e.unit.id}>
                      {e.unit.name} —{' '}
                      {t('alertDetail.escalatedAt', {
                        level: e.level,
                        at: formatLocal(e.escalatedAt),
                      })}
                      {' · '}
                      {e.acknowledgedAt
                        ? t('alerts.acknowledgedBy', { at: formatLocal(e.acknowledgedAt) })
                        : t('alerts.notAcknowledged')}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        ) : (
          <details>
            <summary>
              {t('alerts.receivers')} ({alert.deliveries.length})
            </summary>
            <Receivers alert={alert} detailed={false} />
          </details>
        )}
        {mayAct && open && (
          <Group gap={6} wrap="wrap">
            {((alert.myDelivery && !alert.myDelivery.acknowledgedAt) ||
              (escalatedHere && !escalatedHere.acknowledgedAt)) && (
              <Button
                size="sm"
                disabled={busy}
                onClick={() => void runAcknowledge()}
                aria-label={`${t('alerts.acknowledge')} ${alert.reference}`}
              >
                {t('alerts.acknowledge')}
              </Button>
            )}
            {(mayClose
              ? (['resolve', 'dismiss', ...(alert.case ? [] : ['link', 'promote'])] as Mode[])
              : []
            ).map((m) => (
              <Button
                key={m}
                size="sm"
                variant="outline"
                onClick={() => setMode(mode === m ? null : m)}
                aria-expanded={mode === m}
                aria-label={`${t(`alerts.${m}`)} ${alert.reference}`}
              >
                {t(`alerts.${m}`)}
              </Button>
            ))}
          </Group>
        )}
        {mayClose && mode && (
          <ActionForm
            alert={alert}
            mode={mode}
            onCancel={() => setMode(null)}
            onDone={(what) => {
              setMode(null);
              done(what);
            }}
            onFailed={failed}
          />
        )}
      </Stack>
    </article>
  );
}

/** The receiving units: acknowledged or not, and on the alert's screen how delivery went. */
function Receivers({ alert, detailed }: { alert: FeedAlertData; detailed: boolean }) {
  const { t } = useTranslation();
  return (
    <ul>
      {alert.deliveries.map((d) => (
        <li key={d.id}>
          {d.unit.name} —{' '}
          {detailed && (
            <>
              {d.deliveredAt
                ? t('alertDetail.deliveredAt', { at: formatLocal(d.deliveredAt) })
                : t(`enum.delivery.${d.delivery}`)}
              {' · '}
            </>
          )}
          {d.acknowledgedAt
            ? t('alerts.acknowledgedBy', { at: formatLocal(d.acknowledgedAt) })
            : t('alerts.notAcknowledged')}
        </li>
      ))}
    </ul>
  );
}

function ActionForm({
  alert,
  mode,
  onCancel,
  onDone,
  onFailed,
}: {
  alert: FeedAlertData;
  mode: Mode;
  onCancel: () => void;
  onDone: (what: string) => void;
  onFailed: (error: Parameters<typeof errorText>[1]) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState<Reason>('FALSE_ALARM');
  const [caseId, setCaseId] = useState('');
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, resolve] = useMutation(RESOLVE_ALERT);
  const [, dismiss] = useMutation(DISMISS_ALERT);
  const [, link] = useMutation(LINK_ALERT);
  const [, promote] = useMutation(PROMOTE_ALERT);
  const [cases] = useQuery({ query: MY_CASES, pause: mode !== 'link' });
  // One key per form: a double submit opens one case, not two.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((mode === 'resolve' || mode === 'dismiss') && !note.trim())
      return setProblem(t('alerts.noteRequired'));
    if (mode === 'link' && !caseId) return setProblem(t('alerts.chooseCase'));
    if (mode === 'promote' && !title.trim()) return setProblem(t('alerts.caseTitle'));
    setBusy(true);
    setProblem(null);
    const id = alert.id;
    const result =
      mode === 'resolve'
        ? await resolve({ id, note: note.trim() })
        : mode === 'dismiss'
          ? await dismiss({ id, note: note.trim(), reason })
          : mode === 'link'
            ? await link({ id, caseId })
            : await promote({ id, input: { title: title.trim(), idempotencyKey } });
    setBusy(false);
    if (result.error) return onFailed(result.error);
    onDone(
      { resolve: 'resolved', dismiss: 'dismissed', link: 'linked', promote: 'promoted' }[mode],
    );
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="panel">
      <Stack gap="sm">
        {mode === 'dismiss' && (
          <NativeSelect
            label={t('alerts.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value as Reason)}
            data={Object.keys(enumsId.dismissal).map((k) => ({
              value: k,
              label: t(`enum.dismissal.${k}`),
            }))}
          />
        )}
        {(mode === 'resolve' || mode === 'dismiss') && (
          <Textarea
            label={t('alerts.note')}
            required
            rows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        )}
        {mode === 'link' && (
          <NativeSelect
            label={t('alerts.caseId')}
            value={caseId}
            onChange={(e) => setCaseId(e.currentTarget.value)}
            data={[
              { value: '', label: t('alerts.chooseCase') },
              ...(cases.data?.cases.edges ?? []).map(({ node }) => ({
                value: node.id,
                label: `${node.reference} — ${node.title}`,
              })),
            ]}
          />
        )}
        {mode === 'promote' && (
          <TextInput
            label={t('alerts.caseTitle')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
        )}
        {problem && (
          <Text c="red.9" role="alert">
            {problem}
          </Text>
        )}
        <SaveCancelButtons
          save={t('alerts.confirm')}
          cancel={t('alerts.cancel')}
          busy={busy}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
