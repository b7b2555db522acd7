import { Title, type TitleProps } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/** The path whose h1 last took the focus: a page's title takes it once per arrival, not per render. */
let focusedPathname: string | null = null;

/**
 * The h1 of a page. Arriving at a page (a new path) moves the focus to it, so keyboard and screen
 * reader users start at the top of the new page instead of on the body or on a link of the old one.
 * Changes of the query string (filters, the chosen product) keep the focus where it is.
 */
export function PageTitle({
  children,
  takeFocus = true,
  ...props
}: { children: ReactNode; takeFocus?: boolean } & Omit<TitleProps, 'order' | 'children'>) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  const { t } = useTranslation();

  // The browser tab and history say which page this is, in the user's language.
  useEffect(() => {
    const text = ref.current?.textContent?.trim();
    document.title = text ? `${text} · ${t('app.name')}` : t('app.name');
  });

  useEffect(() => {
    // A title shown again on the same page (the page was taken down and rendered anew) takes back
    // the focus its removal dropped on the body; anywhere else the focus stays where the user put it.
    const focusDropped = document.activeElement === null || document.activeElement === document.body;
    if (focusedPathname === pathname && !focusDropped) return;
    focusedPathname = pathname;
    if (takeFocus) ref.current?.focus({ preventScroll: true });
  }, [pathname, takeFocus]);

  return (
    <Title order={1} size="h2" ref={ref} tabIndex={-1} style={{ outline: 'none' }} {...props}>
      {children}
    </Title>
  );
}
