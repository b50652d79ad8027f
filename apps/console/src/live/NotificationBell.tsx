import { Button } from '@mantine/core';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useSubscription } from 'urql';
import { navigate } from '../app/router';
import { paths } from '../app/routes';
import { graphql } from '../graphql/graphql';

const NOTIFICATIONS = graphql(`
  query Notifications {
    unreadNotificationCount
    notifications(first: 10) {
      edges {
        node {
          id
          action
          reference
          referralId
          alertId
          caseId
          escalationLevel
          createdAt
          readAt
        }
      }
    }
  }
`);

const NOTIFICATION_ADDED = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
    }
  }
`);

const MARK_READ = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      readAt
    }
  }
`);

const MARK_ALL_READ = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

/** Where a notification leads inside the console: its referral, alert or case. */
function pathOf(node: {
  referralId: string | null;
  alertId: string | null;
  caseId: string | null;
}) {
  if (node.referralId) return paths.referral(node.referralId);
  if (node.alertId) return paths.alert(node.alertId);
  if (node.caseId) return paths.case(node.caseId);
  return paths.inbox;
}

/**
 * The notifications bell: the unread count, live (notificationAdded refetches the list), the last
 * ten notifications — what happened, the reference, when — each leading to its referral, alert or
 * case and marked read on the way; "mark all as read". Codes and references only, as the API
 * gives them. The list opens in `panelHost`, a place in the page's flow below the navigation:
 * drawn over the header it would cover the navigation links, on a phone most of them.
 */
export function NotificationBell({ panelHost }: { panelHost: HTMLElement | null }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [{ data }, refetch] = useQuery({
    query: NOTIFICATIONS,
    requestPolicy: 'cache-and-network',
  });
  const [{ data: added }] = useSubscription({ query: NOTIFICATION_ADDED });
  const [, markRead] = useMutation(MARK_READ);
  const [, markAllRead] = useMutation(MARK_ALL_READ);
  const addedId = added?.notificationAdded.id;
  useEffect(() => {
    if (addedId) refetch({ requestPolicy: 'network-only' });
  }, [addedId, refetch]);
  const unread = data?.unreadNotificationCount ?? 0;
  const nodes = data?.notifications.edges.map((edge) => edge.node) ?? [];
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const time = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return (
    <div className="notification-bell">
      <Button
        variant={unread ? 'filled' : 'default'}
        color={unread ? 'red' : undefined}
        size="sm"
        className="touch"
        aria-expanded={open}
        aria-controls="notification-list"
        onClick={() => setOpen(!open)}
      >
        {t('notifications.bell')}
        {unread > 0 && (
          <>
            <span className="notification-count">{unread}</span>
            <span className="visually-hidden">{t('notifications.unreadSuffix')}</span>
          </>
        )}
      </Button>
      {open &&
        panelHost &&
        createPortal(
          <section
            id="notification-list"
            className="notification-list"
            aria-label={t('notifications.title')}
          >
            {nodes.length === 0 ? (
              <p>{t('notifications.empty')}</p>
            ) : (
              <ul>
                {nodes.map((node) => (
                  <li key={node.id} className={node.readAt ? undefined : 'notification-unread'}>
                    <a
                      href={pathOf(node)}
                      onClick={(event) => {
                        event.preventDefault();
                        setOpen(false);
                        void markRead({ id: node.id }).then(reload);
                        navigate(pathOf(node));
                      }}
                    >
                      {t(`notifications.action.${node.action}`, {
                        defaultValue: t('notifications.action.other'),
                      })}
                      {node.reference ? ` · ${node.reference}` : ''}
                      {node.escalationLevel
                        ? ` · ${t('notifications.level', { level: node.escalationLevel })}`
                        : ''}
                    </a>
                    <span className="notification-time">
                      {time.format(new Date(node.createdAt))}
                      {node.readAt ? '' : ` · ${t('notifications.unread')}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {unread > 0 && (
              <Button
                variant="default"
                size="sm"
                className="touch"
                onClick={() => void markAllRead({}).then(reload)}
              >
                {t('notifications.markAll')}
              </Button>
            )}
          </section>,
          panelHost,
        )}
    </div>
  );
}
