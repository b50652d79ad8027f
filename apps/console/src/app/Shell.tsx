import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveStatus, useOnline } from '../graphql/live-status';
import { switchLanguage } from '../i18n/i18n';
import { useArrivals } from '../live/arrivals';
import { LiveEvents } from '../live/LiveEvents';
import { NotificationBell } from '../live/NotificationBell';
import { Tag } from '../components/Tag';
import { signOut, type Officer } from '../session/session';
import { navItems } from './nav-items';
import { pageTitle } from './page-title';
import { Link, useRoute } from './router';

function useDocumentTitle() {
  const { t } = useTranslation();
  const title = useSyncExternalStore(pageTitle.subscribe, pageTitle.get);
  const count = useArrivals().size;
  useEffect(() => {
    const base = `${title} — Simpul`;
    document.title = count ? t('app.titleNew', { count, title: base }) : base;
  }, [title, count, t]);
}

export function LanguageToggle() {
  const { t } = useTranslation();
  return (
    <Button
      variant="default"
      size="sm"
      className="touch"
      onClick={() => void switchLanguage()}
      aria-label={t('app.languageLabel')}
      lang={t('app.language') === 'English' ? 'en' : 'id'}
    >
      {t('app.language')}
    </Button>
  );
}

export function OfflineNotice() {
  const { t } = useTranslation();
  const online = useOnline();
  if (online) return null;
  return (
    <Alert color="yellow" variant="outline" role="status" className="offline-notice">
      {t('app.offline')}
    </Alert>
  );
}

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('app.skip')}
    </a>
  );
}

/** Header, navigation, live status and the page; every signed-in screen sits inside it. */
export function Shell({ officer, children }: { officer: Officer; children: ReactNode }) {
  const { t } = useTranslation();
  const route = useRoute();
  const live = useLiveStatus();
  const arrivals = useArrivals();
  useDocumentTitle();
  const listens = !officer.roles.every((r) => r === 'AUDITOR' || r === 'ADMIN');
  const [notificationPanel, setNotificationPanel] = useState<HTMLElement | null>(null);
  return (
    <>
      <SkipLink />
      {listens && <LiveEvents officer={officer} />}
      <header className="shell-header">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <div>
            <Text fw={700} size="lg" component="p">
              {t('app.name')}
            </Text>
            <Text size="sm" component="p">
              {t('app.signedInAs', { name: officer.displayName, unit: officer.unit.name })}
            </Text>
          </div>
          <Group gap="xs" wrap="wrap">
            {listens && (
              <span role="status">
                <Tag tone={live === 'connected' ? 'teal' : 'orange'}>{t(`app.live.${live}`)}</Tag>
              </span>
            )}
            {listens && <NotificationBell panelHost={notificationPanel} />}
            <LanguageToggle />
            <Button variant="outline" size="sm" className="touch" onClick={() => void signOut()}>
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
        <nav aria-label={t('app.mainNav')} className="shell-nav">
          <ul>
            {navItems(officer).map((item) => {
              const current = item.routes.includes(route.name);
              return (
                <li key={item.key}>
                  <Link
                    to={item.to}
                    className="nav-link"
                    aria-current={current ? 'page' : undefined}
                  >
                    {t(item.label)}
                    {item.key === 'inbox' && arrivals.size > 0 && (
                      <span className="nav-count">
                        <Tag tone="red">
                          {t('queue.new')} {arrivals.size}
                        </Tag>
                      </span>
                    )}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div ref={setNotificationPanel} />
      </header>
      <OfflineNotice />
      <main id="main" tabIndex={-1} className="shell-main">
        {children}
      </main>
    </>
  );
}
