import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/CloseButton.css';
import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueReferralData } from '../../graphql/fragments';
import { enumsId } from '../../i18n/enums.id';
import type { ActionName } from './referral-actions';

const UnitPicker = lazy(() =>
  import('../../components/UnitPicker').then((m) => ({ default: m.UnitPicker })),
);

export interface ActionInput {
  note?: string;
  reason?: string;
  outcome?: string;
  toUnitId?: string;
}

const NOTE_REQUIRED: ActionName[] = ['hold', 'fail', 'cancel'];

/** The form an action needs (reason, note, unit, outcome) and, for declining, a confirmation. */
export function ActionDialog({
  action,
  referral,
  busy,
  onClose,
  onSubmit,
}: {
  action: ActionName;
  referral: QueueReferralData;
  busy: boolean;
  onClose: () => void;
  onSubmit: (input: ActionInput) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('');
  const [toUnitId, setToUnitId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titles: Partial<Record<ActionName, string>> = {
    reject: 'action.rejectTitle',
    redirect: 'action.redirectTitle',
    hold: 'action.holdTitle',
    complete: 'action.completeTitle',
    fail: 'action.failTitle',
    cancel: 'action.cancelTitle',
  };
  const submit = () => {
    if (action === 'reject' && !reason) return setError(t('action.reasonRequired'));
    if (action === 'redirect' && !toUnitId) return setError(t('action.unitRequired'));
    if (action === 'complete' && !outcome.trim()) return setError(t('action.outcomeRequired'));
    if (NOTE_REQUIRED.includes(action) && !note.trim()) return setError(t('action.noteRequired'));
    setError(null);
    onSubmit({
      note: note.trim() || undefined,
      reason,
      outcome: outcome.trim(),
      toUnitId: toUnitId ?? undefined,
    });
  };
  const danger = action === 'reject' || action === 'fail' || action === 'cancel';
  return (
    <Modal
      opened
      // Scroll locking injects a <style> element, which the CSP (style-src 'self') refuses.
      lockScroll={false}
      onClose={onClose}
      title={t(titles[action] ?? 'referral.actions', { reference: referral.reference })}
      closeButtonProps={{ 'aria-label': t('action.close') }}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          {action === 'reject' && (
            <>
              <Text>{t('action.rejectWarning')}</Text>
              <NativeSelect
                label={t('action.reason')}
                required
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                data={[
                  { value: '', label: '—' },
                  ...Object.keys(enumsId.reason).map((value) => ({
                    value,
                    label: t(`enum.reason.${value}`),
                  })),
                ]}
              />
            </>
          )}
          {action === 'redirect' && (
            <Suspense fallback={<Text>{t('app.loading')}</Text>}>
              <UnitPicker
                value={toUnitId}
                onChange={(u) => setToUnitId(u.id)}
                exclude={[referral.toUnit.id, referral.fromUnit.id]}
              />
            </Suspense>
          )}
          {action === 'complete' && (
            <Textarea
              label={t('action.outcome')}
              required
              rows={3}
              value={outcome}
              onChange={(e) => setOutcome(e.currentTarget.value)}
            />
          )}
          <Textarea
            label={t('action.note')}
            required={NOTE_REQUIRED.includes(action)}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {error && (
            <Text c="red.9" role="alert" fw={600}>
              {error}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('action.back')}
            </Button>
            <Button type="submit" color={danger ? 'red' : 'blue'} loading={busy}>
              {t(`action.${action}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
