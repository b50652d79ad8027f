import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { Deadline } from '../../components/Deadline';
import { EscalationTag, PriorityTag, SlaTag, StatusTag } from '../../components/ReferralTags';
import { Tag } from '../../components/Tag';
import { formatLocal } from '../../format/time';
import { workingDaysText } from '../../format/weekdays';
import { locale } from '../../i18n/i18n';
import type { ResultOf } from '../../graphql/graphql';
import type { ReferralDetail } from './referral-queries';
import { actorLabel } from '../../format/actor';

type Detail = ResultOf<typeof ReferralDetail>;

export function ReferralFacts({ referral: r }: { referral: Detail }) {
  const { t } = useTranslation();
  const zone = r.toUnit.timeZone;
  return (
    <section className="panel" aria-labelledby="facts-title">
      <Title order={2} size="h3" id="facts-title">
        {t('referral.summary')}
      </Title>
      <Text className="summary-text" my="sm" size="lg">
        {r.summary}
      </Text>
      <dl className="facts">
        <dt>{t('referral.status')}</dt>
        <dd>
          <StatusTag status={r.status} /> <SlaTag sla={r.sla} />{' '}
          <EscalationTag level={r.escalationLevel} />
        </dd>
        <dt>{t('referral.priority')}</dt>
        <dd>
          <PriorityTag priority={r.priority} />
        </dd>
        <dt>{t('referral.services')}</dt>
        <dd>{r.services.map((s) => t(`enum.service.${s}`)).join(', ')}</dd>
        <dt>{t('referral.from')}</dt>
        <dd>
          {r.fromUnit.name} ({r.sentBy.displayName})
        </dd>
        <dt>{t('referral.to')}</dt>
        <dd>{r.toUnit.name}</dd>
        <dt>{t('referral.case')}</dt>
        <dd>
          <Link to={paths.case(r.case.id)}>{r.case.reference}</Link> — {r.case.title}
        </dd>
        <dt>{t('referral.sentAt')}</dt>
        <dd>{formatLocal(r.sentAt, zone)}</dd>
        <dt>{t('referral.acknowledgeBy')}</dt>
        <dd>
          {r.acknowledgedAt ? (
            `${t('referral.acknowledgedAt')}: ${formatLocal(r.acknowledgedAt, zone)}`
          ) : (
            <Deadline at={r.acknowledgeBy} timeZone={zone} />
          )}
        </dd>
        <dt>{t('referral.acceptBy')}</dt>
        <dd>
          {r.acceptedAt ? (
            `${t('referral.acceptedAt')}: ${formatLocal(r.acceptedAt, zone)}${r.acceptedBy ? ` (${r.acceptedBy.displayName})` : ''}`
          ) : (
            <Deadline at={r.acceptBy} timeZone={zone} />
          )}
        </dd>
        <dt>{t('referral.workingDays')}</dt>
        <dd>
          {t('referral.workingDaysOf', {
            days: workingDaysText(r.toUnit.weekendDays, locale()),
            unit: r.toUnit.name,
          })}
          <Text size="sm" c="dimmed">
            {t('referral.workingDaysHint')}
          </Text>
        </dd>
        <dt>{t('referral.delivery')}</dt>
        <dd>{t(`enum.delivery.${r.delivery}`)}</dd>
        {r.rejectionReason && (
          <>
            <dt>{t('referral.rejectionReason')}</dt>
            <dd>{t(`enum.reason.${r.rejectionReason}`)}</dd>
          </>
        )}
        {r.statusNote && (
          <>
            <dt>{t('referral.statusNote')}</dt>
            <dd>{r.statusNote}</dd>
          </>
        )}
        {r.outcome && (
          <>
            <dt>{t('referral.outcome')}</dt>
            <dd>{r.outcome}</dd>
          </>
        )}
        {r.redirectedTo && (
          <>
            <dt>{t('referral.redirectedTo')}</dt>
            <dd>
              <Link to={paths.referral(r.redirectedTo.id)}>{r.redirectedTo.reference}</Link> (
              {r.redirectedTo.toUnit.name})
            </dd>
          </>
        )}
        {r.redirectedFrom && (
          <>
            <dt>{t('referral.redirectedFrom')}</dt>
            <dd>
              <Link to={paths.referral(r.redirectedFrom.id)}>{r.redirectedFrom.reference}</Link> (
              {r.redirectedFrom.fromUnit.name})
            </dd>
          </>
        )}
        {r.lawfulBasis && (
          <>
            <dt>{t('referral.lawfulBasis')}</dt>
            <dd>{t(`enum.basis.${r.lawfulBasis}`)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** Named persons exactly as the API returns them: identity when shared, otherwise the label. */
export function ReferralPersons({ referral: r }: { referral: Detail }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="persons-title">
      <Title order={2} size="h3" id="persons-title">
        {t('referral.persons')}
      </Title>
      {r.case.persons.length === 0 ? (
        <Text>{t('referral.noPersons')}</Text>
      ) : (
        <ul className="person-list">
          {r.case.persons.map((p) => (
            <li key={p.id}>
              <Text fw={700}>
                {p.fullName ?? p.label}{' '}
                {p.isChild && <Tag tone="red">{t('caseForm.childFlag')}</Tag>}
              </Text>
              {p.fullName ? (
                <dl className="facts">
                  <dt>{t('caseForm.sex')}</dt>
                  <dd>{t(`enum.sex.${p.sex}`)}</dd>
                  {p.birthDate && (
                    <>
                      <dt>{t('caseForm.birthDate')}</dt>
                      <dd>{p.birthDate}</dd>
                    </>
                  )}
                  {p.nationalId && (
                    <>
                      <dt>{t('caseForm.nationalId')}</dt>
                      <dd>{p.nationalId}</dd>
                    </>
                  )}
                  {p.passportNumber && (
                    <>
                      <dt>{t('caseForm.passportNumber')}</dt>
                      <dd>{p.passportNumber}</dd>
                    </>
                  )}
                  {p.phone && (
                    <>
                      <dt>{t('caseForm.phone')}</dt>
                      <dd>{p.phone}</dd>
                    </>
                  )}
                </dl>
              ) : (
                <Text size="sm">
                  {p.label} · {t('referral.identityHidden')}
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ReferralHistory({ referral: r }: { referral: Detail }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="history-title">
      <Title order={2} size="h3" id="history-title">
        {t('referral.history')}
      </Title>
      {r.events.length === 0 ? (
        <Text>{t('referral.noHistory')}</Text>
      ) : (
        <ol className="timeline-list">
          {r.events.map((e) => (
            <li key={e.id}>
              <Text fw={600}>{t(`enum.action.${e.action}`)}</Text>
              <Text size="sm">
                <time dateTime={e.at}>{formatLocal(e.at)}</time> · {actorLabel(t, e)}
              </Text>
              {e.note && <Text size="sm">“{e.note}”</Text>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
