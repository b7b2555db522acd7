import { Button, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Currency } from '../../../../contract/index.ts';
import { useErrorMessage } from '../../i18n/errors.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useAdminProducts, useWithdrawProduct } from './api.ts';
import { PriceField } from './PriceField.tsx';

/** The catalog for vendor staff: prices per currency (each saved once confirmed) and withdrawing a product. */
export function CatalogAdmin() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const products = useAdminProducts();
  const withdraw = useWithdrawProduct();
  const failed = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) });
  return (
    <Stack gap="lg">
      <PageTitle>{t('backOffice.catalog')}</PageTitle>
      <Text size="sm" c="dimmed">
        {t('backOffice.catalogNote')}
      </Text>
      <QueryState query={products} loadingLabel={t('states.loading')}>
        {(data) => (
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('lines.product')}</Table.Th>
                {Currency.options.map((currency) => (
                  <Table.Th scope="col" key={currency}>
                    {currency}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('backOffice.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((p) => (
                <Table.Tr key={p.code}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.code}
                      {p.active ? '' : ` · ${t('backOffice.withdrawn')}`}
                    </Text>
                  </Table.Td>
                  {Currency.options.map((currency) => {
                    const current = p.prices.find((x) => x.currency === currency)?.yearlyListMinor ?? null;
                    return (
                      <Table.Td key={currency}>
                        {/* A new price from the server (saved here or elsewhere) starts a fresh draft. */}
                        <PriceField
                          key={current ?? 'none'}
                          product={p}
                          currency={currency}
                          current={current}
                        />
                      </Table.Td>
                    );
                  })}
                  <Table.Td>
                    {p.active ? (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red.9"
                        c="red.9"
                        aria-label={t('backOffice.withdrawOf', { product: p.name })}
                        onClick={() => withdraw.mutate(p.code, { onError: failed })}
                      >
                        {t('backOffice.withdraw')}
                      </Button>
                    ) : null}
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
