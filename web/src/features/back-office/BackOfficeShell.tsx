import { AppShell, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useMatch, useNavigate } from 'react-router';
import { useStaffLogout } from './api.ts';

function NavLink({ to, children }: { to: string; children: ReactNode }) {
  const active = useMatch(to) !== null;
  return (
    <Button
      component={Link}
      to={to}
      variant={active ? 'filled' : 'subtle'}
      size="sm"
      aria-current={active ? 'page' : undefined}
    >
      {children}
    </Button>
  );
}

/**
 * The back office's frame: its pages in the header (the mailbox in demo mode), the signed-in staff
 * member and Log out.
 */
export function BackOfficeShell({
  email,
  devMailbox,
  children,
}: {
  email: string;
  devMailbox: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useStaffLogout();
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="lg">
            <Text fw={700}>{t('backOffice.product')}</Text>
            <Group component="nav" aria-label={t('backOffice.nav')} gap={4}>
              <NavLink to="/admin/invoices">{t('backOffice.invoices')}</NavLink>
              <NavLink to="/admin/partners">{t('backOffice.partners')}</NavLink>
              <NavLink to="/admin/catalog">{t('backOffice.catalog')}</NavLink>
              <NavLink to="/admin/direct-quote">{t('backOffice.directQuote')}</NavLink>
              {devMailbox ? <NavLink to="/admin/mailbox">{t('nav.mailbox')}</NavLink> : null}
            </Group>
          </Group>
          <Group gap="md">
            <Text size="sm">{email}</Text>
            <Button
              size="xs"
              variant="outline"
              onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/admin/login') })}
            >
              {t('topBar.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
