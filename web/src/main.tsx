import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './i18n/index.ts';

import { createTheme, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { onUnauthorized } from './api/client.ts';
import { createQueryClient } from './api/queryClient.ts';
import { clearUserData, sessionKeys } from './features/auth/api.ts';
import i18n, { dayjsLocaleOf } from './i18n/index.ts';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
});

const queryClient = createQueryClient();

// Any 401 after login means the session has ended: forget the user's data and show the login page.
onUnauthorized(() => {
  if (queryClient.getQueryData(sessionKeys.me())) {
    notifications.show({ color: 'orange', message: i18n.t('auth.sessionEnded') });
  }
  clearUserData(queryClient, null);
});

function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n: current } = useTranslation();
  return <DatesProvider settings={{ locale: dayjsLocaleOf(current.language) }}>{children}</DatesProvider>;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <LocalizedDates>
          <Notifications position="bottom-right" autoClose={5000} />
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </LocalizedDates>
      </MantineProvider>
    </QueryClientProvider>
  </StrictMode>,
);
