import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { PageTitle } from '../components/PageTitle';

export default function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle text={t('app.notFound')} />
      <Text>
        <Link to="/">{t('app.home')}</Link>
      </Text>
    </Stack>
  );
}
