import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CombinedError, useClient } from 'urql';
import { errorText } from '../../format/errors';
import { formatLocal } from '../../format/time';
import type { PublishedKeys } from '../../ledger/checkpoint-signature';
import {
  verifyCaseLedger,
  type CaseLedgerVerdict,
  type TimelineEntryToVerify,
} from '../../ledger/verify-case-ledger';
import { AUDIT_CASE_LEDGER, AUDIT_INCLUSION_PROOF } from './audit-queries';

type LedgerEntry = {
  seq: string;
  action: string;
  referral: { reference: string } | null;
};

type State =
  | { step: 'idle' }
  | { step: 'running'; checked: number; total: number | null }
  | { step: 'done'; verdict: CaseLedgerVerdict; entries: LedgerEntry[] }
  | { step: 'error'; message: string };

/**
 * "Verifikasi": the auditor's browser checks the case's timeline against the ledger's signed
 * checkpoint by itself, with WebCrypto (apps/console/src/ledger), and says plainly what held or
 * which entry failed and why. `onFailedSeq` lets the timeline mark that entry.
 */
export function CaseLedgerCheck({
  caseId,
  onFailedSeq,
}: {
  caseId: string;
  onFailedSeq: (seq: string | null) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [state, setState] = useState<State>({ step: 'idle' });

  async function run(): Promise<void> {
    setState({ step: 'running', checked: 0, total: null });
    onFailedSeq(null);
    try {
      const [ledger, keys] = await Promise.all([
        client
          .query(AUDIT_CASE_LEDGER, { id: caseId }, { requestPolicy: 'network-only' })
          .toPromise(),
        publishedKeys(),
      ]);
      if (ledger.error || !ledger.data) throw ledger.error ?? new Error('no data');
      const timeline = ledger.data.handoffTimeline;
      setState({ step: 'running', checked: 0, total: timeline.length });
      const verdict = await verifyCaseLedger({
        entries: timeline.map((e): TimelineEntryToVerify => ({
          seq: e.seq,
          at: e.at,
          action: e.action,
          prevHash: e.prevHash,
          entryHash: e.entryHash,
          note: e.note,
          actorId: e.actor?.id ?? null,
          fromUnitId: e.fromUnit?.id ?? null,
          toUnitId: e.toUnit?.id ?? null,
          hashed: e.hashed,
        })),
        checkpoint: ledger.data.auditCheckpoint,
        keys,
        inclusionProof: async (seq, treeSize) => {
          const proof = await client
            .query(AUDIT_INCLUSION_PROOF, { seq, treeSize }, { requestPolicy: 'network-only' })
            .toPromise();
          if (proof.error || !proof.data) throw proof.error ?? new Error('no proof');
          return proof.data.auditInclusionProof;
        },
        onProgress: (checked, total) => setState({ step: 'running', checked, total }),
      });
      if (!verdict.ok && 'entry' in verdict) onFailedSeq(verdict.entry.seq);
      setState({ step: 'done', verdict, entries: timeline });
    } catch (error) {
      setState({
        step: 'error',
        message:
          (error instanceof CombinedError ? errorText(t, error) : null) ?? (error as Error).message,
      });
    }
  }

  const running = state.step === 'running';
  return (
    <section aria-labelledby="verify-heading" className="panel">
      <Stack gap="sm">
        <Title order={2} size="h3" id="verify-heading">
          {t('verify.title')}
        </Title>
        <Text size="sm">{t('verify.help')}</Text>
        <div>
          <Button onClick={() => void run()} loading={running}>
            {state.step === 'idle' ? t('verify.run') : t('verify.again')}
          </Button>
        </div>
        {running && (
          <div className="progress-line">
            <progress
              aria-label={t('verify.progressLabel')}
              max={state.total ?? undefined}
              value={state.total ? state.checked : undefined}
            />
            <Text size="sm" role="status">
              {state.total === null
                ? t('verify.preparing')
                : t('verify.progress', { checked: state.checked, total: state.total })}
            </Text>
          </div>
        )}
        {state.step === 'done' && <VerdictText verdict={state.verdict} entries={state.entries} />}
        {state.step === 'error' && (
          <Alert color="red" variant="outline" role="alert">
            {t('verify.error', { message: state.message })}
          </Alert>
        )}
      </Stack>
    </section>
  );
}

function VerdictText({ verdict, entries }: { verdict: CaseLedgerVerdict; entries: LedgerEntry[] }) {
  const { t } = useTranslation();
  if (verdict.ok && verdict.verified + verdict.uncovered === 0) {
    return (
      <Alert color="gray" variant="outline" role="status">
        {t('verify.empty')}
      </Alert>
    );
  }
  if (verdict.ok) {
    return <HeldText verdict={verdict} />;
  }
  if ('checkpointProblem' in verdict) {
    return (
      <Alert color="red" variant="outline" role="alert" data-verdict="failed">
        {t('verify.failedCheckpoint', {
          reason: t(`verify.checkpoint.${verdict.checkpointProblem}`),
        })}
      </Alert>
    );
  }
  if (!('entry' in verdict)) return null;
  const shown = entries[verdict.entry.index];
  return (
    <Alert
      color="red"
      variant="outline"
      role="alert"
      title={t('verify.failedTitle')}
      data-verdict="failed"
    >
      <Text>
        {t('verify.failedEntry', {
          position: verdict.entry.index + 1,
          action: t(`enum.action.${verdict.entry.action}`, { defaultValue: verdict.entry.action }),
          referral: shown?.referral ? ` — ${shown.referral.reference}` : '',
          seq: verdict.entry.seq,
        })}{' '}
        {t(`verify.reason.${verdict.problem}`)}
      </Text>
    </Alert>
  );
}

type Held = Extract<CaseLedgerVerdict, { ok: true }>;

/**
 * What held, and no more: "verified" only when every entry's inclusion in the signed tree is
 * proven. Entries the latest checkpoint does not cover yet (all of them before the first one)
 * have their hashes checked but are not called recorded in the signed ledger: the verdict is then
 * "partial", or "uncovered" when no entry is covered, and says which and why.
 */
function HeldText({ verdict }: { verdict: Held }) {
  const { t } = useTranslation();
  const { verified, uncovered, checkpoint: c } = verdict;
  const total = verified + uncovered;
  const kind = uncovered === 0 ? 'verified' : verified > 0 ? 'partial' : 'uncovered';
  const fingerprinted = (text: string) => (
    <>
      {text} <span className="hash">{c?.fingerprint}</span>
      {t('verify.verifiedEnd')}
    </>
  );
  const at = c && { issuedAt: formatLocal(c.issuedAt), treeSize: c.treeSize };
  return (
    <Alert
      color={kind === 'verified' ? 'teal' : 'gray'}
      variant="outline"
      role="status"
      title={t(`verify.${kind}Title`)}
      data-verdict={kind}
    >
      <Stack gap="xs">
        <Text>
          {!at
            ? t('verify.noCheckpoint', { count: total })
            : kind === 'verified'
              ? fingerprinted(t('verify.verified', { count: verified, ...at }))
              : kind === 'partial'
                ? fingerprinted(t('verify.verifiedSome', { count: verified, total, ...at }))
                : fingerprinted(t('verify.verifiedNone', { count: total, ...at }))}
        </Text>
        <ul className="verify-checks">
          {c && <li>{t('verify.checkedSignature', { keyId: c.keyId })}</li>}
          <li>{t('verify.checkedHashes')}</li>
          {verified > 0 && (
            <li>
              {uncovered === 0
                ? t('verify.checkedInclusion')
                : t('verify.checkedInclusionSome', { count: verified })}
            </li>
          )}
        </ul>
        {c && uncovered > 0 && <Text size="sm">{t('verify.uncovered', { count: uncovered })}</Text>}
      </Stack>
    </Alert>
  );
}

/** The hub's published checkpoint keys (public; the same file simpul-verify --keys reads). */
async function publishedKeys(): Promise<PublishedKeys> {
  const response = await fetch('/.well-known/simpul-ledger-keys.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as PublishedKeys;
}
