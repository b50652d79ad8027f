import { useTranslation } from 'react-i18next';
import type { QueueReferralData } from '../graphql/fragments';
import { priorityColor, slaColor } from '../format/referral';
import { Tag, type TagTone } from './Tag';

export function StatusTag({ status }: { status: QueueReferralData['status'] }) {
  const { t } = useTranslation();
  const tone: TagTone =
    status === 'REJECTED' || status === 'FAILED'
      ? 'red'
      : status === 'COMPLETED' || status === 'ACCEPTED' || status === 'IN_PROGRESS'
        ? 'teal'
        : status === 'REQUESTED' || status === 'RECEIVED'
          ? 'blue'
          : 'gray';
  return <Tag tone={tone}>{t(`enum.status.${status}`)}</Tag>;
}

export function PriorityTag({ priority }: { priority: QueueReferralData['priority'] }) {
  const { t } = useTranslation();
  return <Tag tone={priorityColor(priority) as TagTone}>{t(`enum.priority.${priority}`)}</Tag>;
}

/**
 * The escalation level of a referral waiting past a deadline ("Eskalasi 2"); nothing at level 0.
 * Its title says whom the level reached.
 */
export function EscalationTag({ level }: { level: number; overdue?: boolean }) {
  const { t } = useTranslation();
  if (level < 1) return null;
  return (
    <span title={t(`escalation.levels.${Math.min(level, 4)}`)}>
      <Tag tone="orange">{t('escalation.level', { level })}</Tag>
    </span>
  );
}

export function SlaTag({ sla }: { sla: QueueReferralData['sla'] }) {
  const { t } = useTranslation();
  return <Tag tone={slaColor(sla) as TagTone}>{t(`enum.sla.${sla}`)}</Tag>;
}
