import { Anchor, Box, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useMatch, useNavigate } from 'react-router';
import { useCurrentSession } from '../features/auth/session.tsx';
import { useCloseCustomer } from '../features/customers/api.ts';
import { useErrorMessage } from '../i18n/errors.ts';

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
