import { Anchor, AppShell, Box, Button, Container, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useMatch, useNavigate } from 'react-router';
import { useLogout } from '../features/auth/api.ts';
import { useCan, useCurrentSession } from '../features/auth/session.tsx';
import { useCloseCustomer } from '../features/customers/api.ts';
import { useOverdueInvoices } from '../features/invoices/api.ts';
import { OverdueMark } from '../features/invoices/OverdueMark.tsx';
import { useErrorMessage } from '../i18n/errors.ts';
import { LanguageSelect } from './LanguageSelect.tsx';
import { LoadingState } from './states.tsx';

const HEADER_HEIGHT = 60;
const NAV_HEIGHT = 44;
/** The height of the portal's top bar (two rows): what sticky content keeps clear of. */
export const APP_HEADER_HEIGHT = HEADER_HEIGHT + NAV_HEIGHT;

function ProductName() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/" fw={700} size="lg" c="var(--mantine-color-text)" underline="never">
      {t('app.name')}
    </Anchor>
  );
}

function TopNavLink({ to, children }: { to: string; children: ReactNode }) {
  const active = useMatch({ path: to, end: false }) !== null;
  return (
    <Button
      component={Link}
      to={to}
      variant={active ? 'filled' : 'subtle'}
      size="sm"
      aria-current={active ? 'page' : undefined}
      // The subtle variant's hover shade leaves its text at 4.1:1; the lightest one keeps 4.5:1.
      style={active ? undefined : { '--button-hover': 'var(--mantine-primary-color-0)' }}
    >
      {children}
    </Button>
  );
}

function OpenAccount() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const closeAccount = useCloseCustomer();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const account = session.openAccount;

  if (!account) {
    return (
      <Text size="sm" c="dimmed">
        {t('topBar.noAccount')}
      </Text>
    );
  }

  const close = () =>
    closeAccount.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ message: t('topBar.accountClosed', { name: account.name }), color: 'teal' });
        // The start page puts the focus in its search field: the next step is finding a customer.
        void navigate('/', { state: { focusSearch: true } });
      },
      onError: (error) => notifications.show({ message: errorMessage(error), color: 'red' }),
    });

  return (
    <Group gap="sm" wrap="nowrap" role="group" aria-label={t('topBar.openAccount')}>
      <Box miw={0} maw={280}>
        <Text size="xs" c="dimmed" lh={1.2}>
          {t('topBar.openAccount')}
        </Text>
        <Text size="sm" fw={600} lh={1.3} truncate="end" title={account.name}>
          {account.name}
        </Text>
        <Text size="xs" lh={1.2} data-testid="open-account-customer-id">
          {t('topBar.customerId', { customerId: account.customerId })}
        </Text>
      </Box>
      <Button size="xs" variant="default" onClick={close} loading={closeAccount.isPending}>
        {t('topBar.closeAccount')}
      </Button>
    </Group>
  );
}

/** The shell of every page after login: top bar with navigation, open account, language and log-out. */
export function Layout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const canCatalog = useCan('catalog.read');
  const canQuotes = useCan('quotes.read');
  const canOrders = useCan('orders.read');
  const canInvoices = useCan('invoices.read');
  const overdue = useOverdueInvoices(canInvoices);
  const canRenew = useCan('licenses.read');
  const canOpen = useCan('customers.open');
  const canPay = useCan('payment_methods.manage');
  const session = useCurrentSession();

  return (
    <AppShell header={{ height: APP_HEADER_HEIGHT }} padding="md">
      {/* Two rows: who and where (open account, language, the user's own pages) above the
          sections, so that every section keeps its place at 1366 px and below. */}
      <AppShell.Header>
        <Stack gap={0} h="100%">
          <Group h={HEADER_HEIGHT} px="md" justify="space-between" wrap="nowrap" gap="md">
            <ProductName />
            <Group gap="md" wrap="nowrap">
              {canOpen || session.openAccount ? <OpenAccount /> : null}
              <LanguageSelect />
              {session.features.devMailbox ? (
                <Anchor component={Link} to="/dev/mailbox" size="sm" fw={600}>
                  {t('nav.mailbox')}
                </Anchor>
              ) : null}
              {canPay ? (
                <Anchor component={Link} to="/payment-methods" size="sm" fw={600}>
                  {t('nav.paymentMethods')}
                </Anchor>
              ) : null}
              <Anchor component={Link} to="/company" size="sm" fw={600}>
                {t('nav.company')}
              </Anchor>
              <Button
                size="xs"
                variant="outline"
                loading={logout.isPending}
                onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login') })}
              >
                {t('topBar.logout')}
              </Button>
            </Group>
          </Group>
          <Group
            component="nav"
            aria-label={t('nav.main')}
            gap={4}
            wrap="nowrap"
            px="md"
            h={NAV_HEIGHT}
            style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
          >
            {canCatalog ? <TopNavLink to="/catalog">{t('nav.catalog')}</TopNavLink> : null}
            {canRenew ? <TopNavLink to="/renewals">{t('nav.renewals')}</TopNavLink> : null}
            {canQuotes ? <TopNavLink to="/quotes">{t('nav.quotes')}</TopNavLink> : null}
            {canOrders ? <TopNavLink to="/orders">{t('nav.orders')}</TopNavLink> : null}
            {canOpen ? <TopNavLink to="/customers">{t('nav.customers')}</TopNavLink> : null}
            {canInvoices ? (
              <TopNavLink to="/invoices">
                {t('nav.invoices')}
                {overdue.data && overdue.data.count > 0 ? <OverdueMark count={overdue.data.count} /> : null}
              </TopNavLink>
            ) : null}
          </Group>
        </Stack>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" px={0}>
          {/* Pages load on first visit (App.tsx); the top bar stays meanwhile. */}
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

/** The shell of the login page: product name and language switch only. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <AppShell header={{ height: HEADER_HEIGHT }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <ProductName />
          <LanguageSelect />
        </Group>
      </AppShell.Header>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
