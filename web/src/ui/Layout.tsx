import { Anchor, AppShell, Container, Group, Stack } from '@mantine/core';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useCan, useCurrentSession } from '../features/auth/session.tsx';
import { useOverdueInvoices } from '../features/invoices/api.ts';
import { OverdueMark } from '../features/invoices/OverdueMark.tsx';
import { LanguageSelect } from './LanguageSelect.tsx';
import { LoadingState } from './states.tsx';
import { CartLink, OpenAccount, ProductName, TopNavLink, UserMenu } from './TopBarParts.tsx';

const HEADER_HEIGHT = 60;
const NAV_HEIGHT = 44;
/** The height of the portal's top bar (two rows): what sticky content keeps clear of. */
export const APP_HEADER_HEIGHT = HEADER_HEIGHT + NAV_HEIGHT;

/**
 * The shell of every page after login: top bar with navigation, the open account and its cart, and
 * who is signed in (the user menu: language, sessions, log out).
 */
export function Layout() {
  const { t } = useTranslation();
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
      {/* Two rows: who and where (open account, cart, the user's own pages and menu) above the
          sections, so that every section keeps its place at 1366 px and below. */}
      <AppShell.Header>
        <Stack gap={0} h="100%">
          <Group h={HEADER_HEIGHT} px="md" justify="space-between" wrap="nowrap" gap="md">
            <ProductName />
            <Group gap="md" wrap="nowrap">
              {canOpen || session.openAccount ? <OpenAccount /> : null}
              {canCatalog && session.openAccount ? (
                <CartLink customerId={session.openAccount.customerId} />
              ) : null}
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
              <UserMenu />
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
