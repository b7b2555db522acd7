import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { EmptyState } from '../../ui/states.tsx';
import { useManagedAccounts, useOpenCustomer } from './api.ts';

/**
 * Customers (SPEC §10): every account whose admin made this partner its Purchaser. Each opens
 * directly (no email step) or shows its licensing report.
 */
export function CustomersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const accounts = useManagedAccounts();
  const open = useOpenCustomer();
  return (
    <Stack gap="lg">
      <PageTitle>{t('customersList.title')}</PageTitle>
      <Text c="dimmed">{t('customersList.intro')}</Text>
      <QueryState
        query={accounts}
        loadingLabel={t('customersList.loading')}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState>{t('customersList.none')}</EmptyState>}
      >
        {(data) => (
          <Table striped withTableBorder maw={1000}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('customersList.columns.customer')}</Table.Th>
                <Table.Th scope="col">{t('customersList.columns.customerId')}</Table.Th>
                <Table.Th scope="col">{t('customersList.columns.country')}</Table.Th>
                <Table.Th scope="col">{t('customersList.columns.since')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('customersList.columns.licenses')}
                </Table.Th>
                <Table.Th scope="col">{t('customersList.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((account) => (
                <Table.Tr key={account.customerId}>
                  <Table.Td fw={600}>{account.name}</Table.Td>
                  <Table.Td>{account.customerId}</Table.Td>
                  <Table.Td>{account.country}</Table.Td>
                  <Table.Td>{format.timestampDate(account.grantedAt)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{format.integer(account.licenses)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        aria-label={t('customersList.openOf', { name: account.name })}
                        loading={open.isPending && open.variables?.identifier.value === account.customerId}
                        onClick={() =>
                          open.mutate(
                            { identifier: { kind: 'customerId', value: account.customerId } },
                            {
                              onSuccess: () => void navigate('/catalog'),
                              onError: (error) => {
                                if (!isHandledGlobally(error))
                                  notifications.show({ color: 'red', message: errorMessage(error) });
                              },
                            },
                          )
                        }
                      >
                        {t('customersList.open')}
                      </Button>
                      <Anchor
                        component={Link}
                        to={`/customers/${account.customerId}/licensing-report`}
                        size="sm"
                        aria-label={t('customersList.reportOf', { name: account.name })}
                      >
                        {t('customersList.report')}
                      </Anchor>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}
