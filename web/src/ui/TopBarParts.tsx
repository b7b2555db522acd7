import { Anchor, Box, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useMatch, useNavigate } from 'react-router';
import { useCurrentSession } from '../features/auth/session.tsx';
import { useCloseCustomer } from '../features/customers/api.ts';
import { useErrorMessage } from '../i18n/errors.ts';
import { USER_MENU_BUTTON, UserMenuLabel } from './UserMenuLabel.tsx';

export function ProductName() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/" fw={700} size="lg" c="var(--mantine-color-text)" underline="never">
      {t('app.name')}
    </Anchor>
  );
}

export function TopNavLink({ to, children }: { to: string; children: ReactNode }) {
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

export function OpenAccount() {
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

// The cart's count loads after the first screen (it waits for the cart anyway): see CartLink.tsx.
const CartLinkLoaded = lazy(() => import('./CartLink.tsx').then((m) => ({ default: m.CartLink })));

export function CartLink({ customerId }: { customerId: string }) {
  return (
    <Suspense fallback={null}>
      <CartLinkLoaded customerId={customerId} />
    </Suspense>
  );
}

// The menu (Mantine's Menu and its positioning library, 33 KiB gzipped) loads right after the first
// screen, which stays within its budget: until then the same button shows who is signed in, and a
// click on it is kept and opens the menu as soon as it has arrived, so no click is lost.
const loadUserMenu = () => import('./UserMenu.tsx');
const UserMenuLoaded = lazy(() => loadUserMenu().then((m) => ({ default: m.UserMenu })));

export function UserMenu() {
  const [openAsked, setOpenAsked] = useState(false);
  useEffect(() => {
    void loadUserMenu();
  }, []);
  return (
    <Suspense
      fallback={
        <Button
          {...USER_MENU_BUTTON}
          aria-haspopup="menu"
          aria-expanded={false}
          onClick={() => setOpenAsked(true)}
        >
          <UserMenuLabel />
        </Button>
      }
    >
      <UserMenuLoaded openAtOnce={openAsked} />
    </Suspense>
  );
}
