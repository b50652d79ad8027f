import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Tag } from '../../components/Tag';
import { errorText } from '../../format/errors';
import { DELETE_RULE, ROUTING_RULES, type RoutingRuleData } from './admin-queries';
import { RoutingRuleForm } from './RoutingRuleForm';

/** The alert routing rules (ADMIN): what each matches and whom it reaches; create, edit, delete. */
export function RoutingRulesSection() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ROUTING_RULES });
  const [editing, setEditing] = useState<RoutingRuleData | 'new' | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null);
  const [, remove] = useMutation(DELETE_RULE);
  const unitIdsByCode = useMemo(
    () => new Map((data?.units ?? []).map((unit) => [unit.code, unit.id])),
    [data],
  );
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const runDelete = async (rule: RoutingRuleData) => {
    const result = await remove({ id: rule.id });
    setDeleting(null);
    setNotice(
      result.error
        ? { text: `${rule.name}: ${errorText(t, result.error)}`, ok: false }
        : { text: t('adminScreen.deleted', { name: rule.name }), ok: true },
    );
    reload();
  };

  const conditions = (rule: RoutingRuleData) =>
    [
      rule.alertTypes.length
        ? rule.alertTypes.map((x) => t(`enum.alertType.${x}`)).join(', ')
        : t('adminScreen.anyType'),
      `≥ ${t(`enum.severity.${rule.minSeverity}`)}`,
      rule.regionCode && t('adminScreen.inRegion', { code: rule.regionCode }),
      rule.countryCode && t('adminScreen.inCountry', { code: rule.countryCode }),
      rule.abroadOnly && t('adminScreen.abroadOnly'),
      rule.exploitationTypes.length &&
        rule.exploitationTypes.map((x) => t(`enum.exploitation.${x}`)).join(', '),
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <section aria-labelledby="routing-rules">
      <Title order={2} size="h3" id="routing-rules">
        {t('adminScreen.rules')}
      </Title>
      <Text size="sm">{t('adminScreen.rulesHelp')}</Text>
      <Stack gap="sm" mt="xs">
        {notice && (
          <Alert color={notice.ok ? 'teal' : 'red'} variant="outline" role="status">
            {notice.text}
          </Alert>
        )}
        {error && (
          <Alert color="red" variant="outline" role="alert">
            {errorText(t, error)}
          </Alert>
        )}
        {editing === 'new' ? (
          <RoutingRuleForm
            rule={null}
            unitIdsByCode={unitIdsByCode}
            onCancel={() => setEditing(null)}
            onSaved={(name) => {
              setEditing(null);
              setNotice({ text: t('adminScreen.saved', { name }), ok: true });
              reload();
            }}
          />
        ) : (
          <div>
            <Button size="sm" onClick={() => setEditing('new')} disabled={!data}>
              {t('adminScreen.newRule')}
            </Button>
          </div>
        )}
        {fetching && !data && <Text role="status">{t('app.loading')}</Text>}
        {data?.alertRoutingRules.map((rule) => (
          <article key={rule.id} className="panel" aria-label={rule.name}>
            <Stack gap={6}>
              <Group gap="xs" wrap="wrap">
                <Text fw={700}>{rule.name}</Text>
                {rule.code && <Tag tone="outline">{rule.code}</Tag>}
                {!rule.active && <Tag tone="gray">{t('adminScreen.inactive')}</Tag>}
              </Group>
              <Text size="sm">
                {t('adminScreen.matches')}: {conditions(rule)}
              </Text>
              <Text size="sm">
                {t('adminScreen.reaches')}:{' '}
                {[
                  ...rule.units.map((unit) => unit.code),
                  ...(rule.missionsInCountry ? [t('adminScreen.missions')] : []),
                ].join(', ') || '—'}
              </Text>
              {editing !== 'new' && editing?.id === rule.id ? (
                <RoutingRuleForm
                  rule={rule}
                  unitIdsByCode={unitIdsByCode}
                  onCancel={() => setEditing(null)}
                  onSaved={(name) => {
                    setEditing(null);
                    setNotice({ text: t('adminScreen.saved', { name }), ok: true });
                    reload();
                  }}
                />
              ) : (
                <Group gap={6} wrap="wrap">
                  <Button
                    size="sm"
                    variant="outline"
                    onClick={() => setEditing(rule)}
                    aria-label={`${t('adminScreen.edit')} ${rule.name}`}
                  >
                    {t('adminScreen.edit')}
                  </Button>
                  {deleting === rule.id ? (
                    <>
                      <Button size="sm" color="red" onClick={() => void runDelete(rule)}>
                        {t('adminScreen.confirmDelete', { name: rule.name })}
                      </Button>
                      <Button size="sm" variant="subtle" onClick={() => setDeleting(null)}>
                        {t('adminScreen.cancel')}
                      </Button>
                    </>
                  ) : (
                    <Button
                      size="sm"
                      variant="outline"
                      color="red"
                      onClick={() => setDeleting(rule.id)}
                      aria-label={`${t('adminScreen.delete')} ${rule.name}`}
                    >
                      {t('adminScreen.delete')}
                    </Button>
                  )}
                </Group>
              )}
            </Stack>
          </article>
        ))}
      </Stack>
    </section>
  );
}
