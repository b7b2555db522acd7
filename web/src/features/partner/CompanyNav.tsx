import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useMatch } from 'react-router';
import { useCan } from '../auth/session.tsx';

function Tab({ to, label }: { to: string; label: string }) {
  const active = useMatch({ path: to, end: true }) !== null;
  return (
    <Anchor
      component={Link}
      to={to}
      fw={active ? 700 : 500}
      aria-current={active ? 'page' : undefined}
      underline={active ? 'always' : 'hover'}
    >
      {label}
    </Anchor>
  );
}

/** The organisation's pages: its profile for everyone; its users and audit log for its admins. */
export function CompanyNav() {
  const { t } = useTranslation();
  const canManage = useCan('partner.manage');
  if (!canManage) return null;
  return (
    <Group component="nav" aria-label={t('company.sections')} gap="lg">
      <Tab to="/company" label={t('company.profileTab')} />
      <Tab to="/company/users" label={t('users.title')} />
      <Tab to="/company/audit" label={t('audit.title')} />
    </Group>
  );
}
