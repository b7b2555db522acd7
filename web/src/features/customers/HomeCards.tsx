import { Alert, Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useCan, useCurrentSession } from '../auth/session.tsx';

export function NoCustomerAccess() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  return (
    <Stack gap="md">
      <PageTitle>{t('home.welcome', { name: session.user.name })}</PageTitle>
      <Alert color="gray" variant="light" title={t('home.noAccessTitle')}>
        {t('home.noAccess', { role: t(`roles.${session.user.role}`) })}
      </Alert>
    </Stack>
  );
}

export function OpenAccountCard() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const canCatalog = useCan('catalog.read');
  const account = session.openAccount;
  if (!account) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div>
          <Text size="sm" c="dimmed">
            {t('home.openAccount')}
          </Text>
          <Text fw={600}>
            {account.name} · {t('topBar.customerId', { customerId: account.customerId })}
          </Text>
        </div>
        {canCatalog ? (
          <Anchor component={Link} to="/catalog">
            {t('home.goToCatalog')}
          </Anchor>
        ) : null}
      </Group>
    </Paper>
  );
}
