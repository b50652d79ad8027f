import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery, type CombinedError } from 'urql';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { PageTitle } from '../../components/PageTitle';
import { errorCode, errorText } from '../../format/errors';
import type { QueueReferralData } from '../../graphql/fragments';
import { seen } from '../../live/arrivals';
import type { Officer } from '../../session/session';
import { ActionDialog, type ActionInput } from './ActionDialog';
import { allowedActions, changes, type ActionName } from './referral-actions';
import { REFERRAL, TRANSITIONS } from './referral-queries';
import { ReferralFacts, ReferralHistory, ReferralPersons } from './ReferralSections';

const NEEDS_FORM: ActionName[] = ['reject', 'redirect', 'hold', 'complete', 'fail', 'cancel'];

export default function ReferralScreen({ id, officer }: { id: string; officer: Officer }) {
  const { t } = useTranslation();
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery({ query: REFERRAL, variables: { id } });
  const [dialog, setDialog] = useState<ActionName | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null);
  const [conflict, setConflict] = useState<
    { field: string; before: string; after: string }[] | null
  >(null);
  const referral = data?.referral ?? null;
  useEffect(() => seen(id), [id]);
  // Where the keyboard goes once an action is done (the button pressed was disabled while it
  // ran, which drops focus to the page, and is usually gone now): the actions' heading, so Tab
  // reaches the next action; a dialog dismissed returns to the button that opened it.
  const actionsSection = useRef<HTMLElement>(null);
  const [refocus, setRefocus] = useState<{ opener: ActionName | null } | null>(null);
  useEffect(() => {
    const section = actionsSection.current;
    if (!refocus || !section) return;
    const opener = refocus.opener
      ? section.querySelector<HTMLElement>(`.action-${refocus.opener}:not(:disabled)`)
      : null;
    (opener ?? section.querySelector<HTMLElement>('#actions-title'))?.focus();
  }, [refocus]);

  if (fetching && !referral) return <Text role="status">{t('app.loading')}</Text>;
  if (!referral) {
    return (
      <Stack>
        <PageTitle text={t('referral.title', { reference: '' })} />
        <Alert color="red" variant="outline" role="alert">
          {errorText(t, error) ?? t('errors.NOT_FOUND')}
        </Alert>
      </Stack>
    );
  }

  const label = (value: string) => {
    const [kind, code] = value.split(':');
    if (code && ['status', 'reason', 'priority'].includes(kind)) return t(`enum.${kind}.${code}`);
    return value;
  };

  const run = async (action: ActionName, input: ActionInput) => {
    const before: QueueReferralData = referral;
    setBusy(true);
    setConflict(null);
    const vars = { id: referral.id, version: referral.version };
    let result: { data?: unknown; error?: CombinedError };
    switch (action) {
      case 'acknowledge':
        result = await client.mutation(TRANSITIONS.acknowledge, vars).toPromise();
        break;
      case 'accept':
        result = await client
          .mutation(TRANSITIONS.accept, { ...vars, note: input.note })
          .toPromise();
        break;
      case 'reject':
        result = await client
          .mutation(TRANSITIONS.reject, {
            ...vars,
            reason: input.reason as 'OTHER',
            note: input.note,
          })
          .toPromise();
        break;
      case 'redirect':
        result = await client
          .mutation(TRANSITIONS.redirect, { ...vars, toUnitId: input.toUnitId!, note: input.note })
          .toPromise();
        break;
      case 'start':
        result = await client.mutation(TRANSITIONS.start, vars).toPromise();
        break;
      case 'hold':
        result = await client
          .mutation(TRANSITIONS.hold, { ...vars, note: input.note! })
          .toPromise();
        break;
      case 'resume':
        result = await client.mutation(TRANSITIONS.resume, vars).toPromise();
        break;
      case 'complete':
        result = await client
          .mutation(TRANSITIONS.complete, { ...vars, outcome: input.outcome! })
          .toPromise();
        break;
      case 'fail':
        result = await client
          .mutation(TRANSITIONS.fail, { ...vars, note: input.note! })
          .toPromise();
        break;
      case 'cancel':
        result = await client
          .mutation(TRANSITIONS.cancel, { ...vars, note: input.note! })
          .toPromise();
        break;
    }
    setBusy(false);
    setDialog(null);
    if (result.error) {
      if (errorCode(result.error) === 'CONFLICT') {
        const fresh = await client
          .query(REFERRAL, { id }, { requestPolicy: 'network-only' })
          .toPromise();
        if (fresh.data?.referral) setConflict(changes(before, fresh.data.referral));
        setNotice(null);
      } else {
        setNotice({ text: errorText(t, result.error) ?? '', ok: false });
      }
      setRefocus({ opener: null });
      return;
    }
    refetch({ requestPolicy: 'network-only' });
    const fresh = await client
      .query(REFERRAL, { id }, { requestPolicy: 'network-only' })
      .toPromise();
    const now = fresh.data?.referral ?? referral;
    setNotice({
      text: t('referral.done', {
        reference: now.reference,
        status: t(`enum.status.${now.status}`),
      }),
      ok: true,
    });
    setRefocus({ opener: null });
  };

  const actions = allowedActions(officer, referral);
  const start = (action: ActionName) =>
    NEEDS_FORM.includes(action) ? setDialog(action) : void run(action, {});

  return (
    <Stack gap="md">
      <PageTitle text={t('referral.title', { reference: referral.reference })} />
      {conflict && (
        <Alert color="orange" variant="outline" role="alert" title={t('errors.CONFLICT')}>
          <Text>{t('referral.conflict')}</Text>
          <ul className="conflict-list">
            {conflict.map((c) => (
              <li key={c.field}>
                {t('referral.conflictField', {
                  field: t(
                    c.field === 'to'
                      ? 'referral.to'
                      : c.field === 'rejectionReason'
                        ? 'referral.rejectionReason'
                        : c.field === 'statusNote'
                          ? 'referral.statusNote'
                          : `referral.${c.field}`,
                  ),
                  before: label(c.before),
                  after: label(c.after),
                })}
              </li>
            ))}
          </ul>
          <Text>{t('referral.conflictRetry')}</Text>
        </Alert>
      )}
      {notice && (
        <Alert
          color={notice.ok ? 'teal' : 'red'}
          variant="outline"
          role={notice.ok ? 'status' : 'alert'}
        >
          {notice.text}
        </Alert>
      )}
      <div className="two-columns">
        <Stack gap="md">
          <ReferralFacts referral={referral} />
          <ReferralPersons referral={referral} />
        </Stack>
        <Stack gap="md">
          <section className="panel" aria-labelledby="actions-title" ref={actionsSection}>
            <Title order={2} size="h3" id="actions-title" tabIndex={-1}>
              {t('referral.actions')}
            </Title>
            {actions.length === 0 ? (
              <Text>{t('referral.noActions')}</Text>
            ) : (
              <div className="actions-bar">
                {actions.map((action) => (
                  <Button
                    key={action}
                    onClick={() => start(action)}
                    disabled={busy}
                    color={
                      action === 'accept'
                        ? 'teal'
                        : action === 'reject' || action === 'fail' || action === 'cancel'
                          ? 'red'
                          : 'blue'
                    }
                    variant={
                      action === 'accept'
                        ? 'filled'
                        : action === 'reject' || action === 'fail' || action === 'cancel'
                          ? 'outline'
                          : 'outline'
                    }
                    className={`action-${action}`}
                  >
                    {t(`action.${action}`)}
                  </Button>
                ))}
              </div>
            )}
            <Text mt="sm">
              <Link to={paths.case(referral.case.id)}>{t('referral.openCase')}</Link>
            </Text>
          </section>
          <ReferralHistory referral={referral} />
        </Stack>
      </div>
      {dialog && (
        <ActionDialog
          action={dialog}
          referral={referral}
          busy={busy}
          onClose={() => {
            setDialog(null);
            setRefocus({ opener: dialog });
          }}
          onSubmit={(input) => void run(dialog, input)}
        />
      )}
    </Stack>
  );
}
