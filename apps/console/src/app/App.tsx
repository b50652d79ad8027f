import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Provider } from 'urql';
import { SignInScreen } from '../screens/SignInScreen';
import { graphqlClient, useSession, type Officer } from '../session/session';
import { homePath } from './nav-items';
import { navigate, useRoute } from './router';
import type { Route } from './routes';
import { Shell } from './Shell';

// Every screen after sign-in is its own chunk: the sign-in page loads only what it needs.
const QueueScreen = lazy(() => import('../screens/queue/QueueScreen'));
const ReferralScreen = lazy(() => import('../screens/referral/ReferralScreen'));
const CasesScreen = lazy(() => import('../screens/cases/CasesScreen'));
const CaseScreen = lazy(() => import('../screens/cases/CaseScreen'));
const NewCaseScreen = lazy(() => import('../screens/cases/NewCaseScreen'));
const ComposeScreen = lazy(() => import('../screens/compose/ComposeScreen'));
const AgencyScreen = lazy(() => import('../screens/agency/AgencyScreen'));
const OverdueScreen = lazy(() => import('../screens/overdue/OverdueScreen'));
const AuditScreen = lazy(() => import('../screens/audit/AuditScreen'));
const AuditCaseScreen = lazy(() => import('../screens/audit/AuditCaseScreen'));
const AlertsScreen = lazy(() => import('../screens/alerts/AlertsScreen'));
const AlertScreen = lazy(() => import('../screens/alerts/AlertScreen'));
const RaiseAlertScreen = lazy(() => import('../screens/alerts/RaiseAlertScreen'));
const AdminScreen = lazy(() => import('../screens/admin/AdminScreen'));
const StatisticsScreen = lazy(() => import('../screens/statistics/StatisticsScreen'));
const NotFoundScreen = lazy(() => import('../screens/NotFoundScreen'));

function Screen({ route, officer }: { route: Route; officer: Officer }) {
  switch (route.name) {
    case 'home':
    case 'inbox':
      return <QueueScreen kind="inbox" officer={officer} />;
    case 'sent':
      return <QueueScreen kind="sent" officer={officer} />;
    case 'returned':
      return <QueueScreen kind="returned" officer={officer} />;
    case 'referral':
      return <ReferralScreen id={route.id} officer={officer} />;
    case 'cases':
      return <CasesScreen />;
    case 'newCase':
      return <NewCaseScreen />;
    case 'case':
      return <CaseScreen id={route.id} />;
    case 'compose':
      return <ComposeScreen caseId={route.caseId} fromReferralId={route.from} />;
    case 'agency':
      return <AgencyScreen officer={officer} />;
    case 'overdue':
      return <OverdueScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'auditCase':
      return <AuditCaseScreen id={route.id} />;
    case 'alerts':
      return <AlertsScreen officer={officer} />;
    case 'alert':
      return <AlertScreen key={route.id} id={route.id} />;
    case 'raiseAlert':
      return <RaiseAlertScreen caseId={route.caseId} />;
    case 'statistics':
      return <StatisticsScreen officer={officer} />;
    case 'admin':
      return <AdminScreen />;
    case 'notFound':
      return <NotFoundScreen />;
  }
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Center p="xl" role="status">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}

export function App() {
  const session = useSession();
  const route = useRoute();
  const signedIn = session.status === 'signedIn' ? session.officer : null;
  useEffect(() => {
    if (signedIn && route.name === 'home') navigate(homePath(signedIn), { replace: true });
  }, [signedIn, route.name]);
  if (session.status === 'restoring') return <Loading />;
  if (!signedIn)
    return (
      <SignInScreen expired={session.status === 'signedOut' && session.notice === 'expired'} />
    );
  return (
    <Provider value={graphqlClient()} key={signedIn.id}>
      <Shell officer={signedIn}>
        <Suspense fallback={<Loading />}>
          <Screen route={route} officer={signedIn} />
        </Suspense>
      </Shell>
    </Provider>
  );
}
