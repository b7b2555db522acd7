import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { EmptyState } from '../../ui/states.tsx';
import { useRecentCustomers } from './api.ts';

/**
 * The accounts this user opened lately (name, Customer ID, when). Choosing one starts the same
 * lookup as typing its Customer ID: the email step still applies where the account needs it.
 */
export function RecentAccounts({ onChoose }: { onChoose: (customerId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const recent = useRecentCustomers();
  return (
    <Stack gap="xs" component="section" aria-labelledby="recent-accounts-heading">
      <Title order={2} size="h4" id="recent-accounts-heading">
        {t('customers.recent.title')}
      </Title>
      <QueryState
        query={recent}
        loadingLabel={t('customers.recent.loading')}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState>{t('customers.recent.empty')}</EmptyState>}
      >
        {(data) => (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {data.items.map((account) => (
              <li key={account.customerId}>
                <Button
                  variant="subtle"
                  onClick={() => onChoose(account.customerId)}
                  h="auto"
                  py={6}
                  justify="flex-start"
                >
                  <Stack gap={0} align="flex-start">
                    <Text fw={600} size="sm">
                      {account.name} · {t('topBar.customerId', { customerId: account.customerId })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('customers.recent.openedAt', { when: format.timestamp(account.openedAt) })}
                    </Text>
                  </Stack>
                </Button>
              </li>
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
