import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './print.css';
import './i18n/index.ts';

import { Badge, type CSSVariablesResolver, createTheme, MantineProvider, Notification } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ReactNode, StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { isApiError, onUnauthorized } from './api/client.ts';
import { createQueryClient } from './api/queryClient.ts';
import { clearUserData, sessionKeys, sessionQuery } from './features/auth/api.ts';
import { translateError } from './i18n/errors.ts';
import i18n, { dayjsLocaleOf, firstDayOfWeekOf, i18nReady } from './i18n/index.ts';
import { preloadPageOf } from './preloadablePage.ts';

/**
 * Shades chosen for WCAG AA contrast (4.5:1) on white; the e2e accessibility test checks them.
 * Built per language because it carries the translated names of icon-only buttons.
 */
function themeFor(t: TFunction) {
  return createTheme({
    primaryColor: 'indigo',
    primaryShade: 7,
    defaultRadius: 'sm',
    components: {
      // A badge is a word or two of status ("Não paga", "Overdue"): shown whole, never cut to "NOT …"
      // by a narrow cell or squeezed in a row of badges; the cell grows or the badges wrap instead.
      Badge: Badge.extend({
        styles: {
          root: { flexShrink: 0, maxWidth: 'none', overflow: 'visible' },
          label: { overflow: 'visible', textOverflow: 'clip' },
        },
      }),
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': t('common.closeNotification') } },
      }),
    },
  });
}

/** Mantine with the theme of the current language. */
function LocalizedMantine({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const theme = useMemo(() => themeFor(t), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}

const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#666e76',
    '--mantine-color-placeholder': '#666e76',
    '--mantine-color-error': '#c92a2a',
    // Warnings in small text (Mantine's orange 9 reaches 4.3:1 on white, 4.1:1 on a striped row).
    '--portal-color-warning': '#a33b06',
    // A subtle or light button hovered (or left active by a dialog it opened) shows Mantine's indigo 2
    // behind its indigo 9 text, 4.1:1; this shade between indigo 1 and 2 keeps 4.8:1 and a visible hover.
    '--mantine-color-indigo-light-hover': '#cdd8ff',
  },
  dark: {},
});

const queryClient = createQueryClient({
  onError: (error) => {
    // The page was built for an account that is no longer the one open in this session (another
    // tab opened or closed one): say so once, and show the account that really is open.
    if (isApiError(error, 'customer.not_open')) {
      notifications.show({
        id: `customer-not-open-${error.context.customerId ?? ''}`,
        color: 'orange',
        title: i18n.t('topBar.accountChanged'),
        message: translateError(i18n.t, i18n.language, error),
        autoClose: 15_000,
      });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.me() });
    }
  },
});

// Any 401 after login means the session has ended: forget the user's data and show the login page.
onUnauthorized(() => {
  if (queryClient.getQueryData(sessionKeys.me())) {
    notifications.show({ color: 'orange', message: i18n.t('auth.sessionEnded') });
  }
  clearUserData(queryClient, null);
});

function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n: current } = useTranslation();
  return (
    <DatesProvider
      settings={{
        locale: dayjsLocaleOf(current.language),
        firstDayOfWeek: firstDayOfWeekOf(current.language),
        // Weekends are ordinary days here (licenses run every day), and Mantine's red weekend
        // numbers fail the 4.5:1 contrast check on a white calendar.
        weekendDays: [],
      }}
    >
      {children}
    </DatesProvider>
  );
}

// The session is asked for now, while the dictionary loads and React starts, not once App renders;
// and the page of the address starts loading meanwhile too (its chunks are preloaded by the HTML).
void queryClient.prefetchQuery(sessionQuery);
preloadPageOf(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const app = createRoot(root);
void i18nReady.then(() =>
  app.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <LocalizedMantine>
          <LocalizedDates>
            {/* Bottom right, never over the top bar; a few at a time, each closing after 5 s. */}
            <Notifications position="bottom-right" autoClose={5000} limit={3} />
            <BrowserRouter>
              <App />
            </BrowserRouter>
          </LocalizedDates>
        </LocalizedMantine>
      </QueryClientProvider>
    </StrictMode>,
  ),
);
