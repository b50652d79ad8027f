import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { PageTitle } from '../../components/PageTitle';
import { ReferralList } from '../../components/ReferralList';
import { errorText } from '../../format/errors';
import { formatDate } from '../../format/time';
import { regionName } from '../../reference/regions';
import { CASES } from './case-queries';

export default function CasesScreen() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: CASES });
  const rows = data?.cases.edges.map((e) => e.node) ?? [];
  return (
    <Stack gap="sm">
      <PageTitle text={t('cases.title')} />
      <Text>
        <Link to={paths.newCase} className="link-button">
          {t('nav.newCase')}
        </Link>
      </Text>
      {error && (
        <Alert color="red" variant="outline" role="alert">
          {errorText(t, error)}
        </Alert>
      )}
      {fetching && !data ? (
        <Text role="status">{t('app.loading')}</Text>
      ) : rows.length === 0 ? (
        <Text>{t('cases.empty')}</Text>
      ) : (
        <ReferralList
          rows={rows}
          caption={t('cases.title')}
          columns={[
            {
              key: 'reference',
              header: t('cases.reference'),
              render: (c) => <Link to={paths.case(c.id)}>{c.reference}</Link>,
            },
            { key: 'title', header: t('cases.caseTitle'), render: (c) => c.title },
            {
              key: 'status',
              header: t('cases.status'),
              render: (c) => t(`enum.caseStatus.${c.status}`),
            },
            { key: 'region', header: t('cases.region'), render: (c) => regionName(c.regionCode) },
            {
              key: 'exploitation',
              header: t('cases.exploitation'),
              render: (c) => c.exploitationTypes.map((x) => t(`enum.exploitation.${x}`)).join(', '),
            },
            { key: 'opened', header: t('cases.openedAt'), render: (c) => formatDate(c.openedAt) },
          ]}
        />
      )}
    </Stack>
  );
}
