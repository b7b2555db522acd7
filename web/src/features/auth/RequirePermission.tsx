import { Alert, Anchor, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Permission } from '../../../../contract/index.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useCan, useCurrentSession } from './session.tsx';

/** Renders the page only for a role that has the permission; otherwise says so plainly. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const allowed = useCan(permission);
  if (allowed) return children;
  return (
    <Stack gap="md" align="flex-start">
      <PageTitle>{t('forbidden.title')}</PageTitle>
      <Alert color="gray" variant="light">
        {t('forbidden.text', { role: t(`roles.${session.user.role}`) })}
      </Alert>
      <Anchor component={Link} to="/">
        {t('common.backHome')}
      </Anchor>
    </Stack>
  );
}
