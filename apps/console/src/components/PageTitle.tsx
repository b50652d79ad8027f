import { Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '../app/page-title';

/**
 * The page's one h1. It takes the focus when the screen opens, so keyboard and screen-reader
 * users land on the new content after signing in or following a link, and names the tab.
 */
export function PageTitle({ children, text }: { children?: ReactNode; text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  useEffect(() => {
    pageTitle.set(text);
  }, [text, t]);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Title order={1} ref={ref} tabIndex={-1} className="page-title">
      {children ?? text}
    </Title>
  );
}
