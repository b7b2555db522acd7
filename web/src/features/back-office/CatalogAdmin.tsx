import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Currency } from '../../../../contract/index.ts';
import { useErrorMessage } from '../../i18n/errors.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useAdminProducts, useCreateDirectQuote, useWithdrawProduct } from './api.ts';
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
      <DirectQuoteForm />
    </Stack>
  );
}

/** A vendor direct quote for a customer account, at list prices (one product line). */
function DirectQuoteForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateDirectQuote();
  const [values, setValues] = useState({
    customerId: '',
    currency: 'USD' as Currency,
    productCode: 'II',
    quantity: 1,
    licensee: '',
    licenseeEmail: '',
    company: '',
    address: '',
    city: '',
    postalCode: '',
    country: 'US',
  });
  const set = (field: keyof typeof values) => (value: string | number) =>
    setValues((v) => ({ ...v, [field]: value }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="direct-quote-heading" maw={720}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            {
              customerId: values.customerId,
              currency: values.currency,
              billingAddress: {
                companyName: values.company,
                addressLine1: values.address,
                city: values.city,
                postalCode: values.postalCode,
                country: values.country,
              },
              endUser: { name: values.licensee, email: values.licenseeEmail },
              lines: [{ productCode: values.productCode, quantity: values.quantity, termYears: 1 }],
            },
            {
              onSuccess: (quote) =>
                notifications.show({
                  color: 'teal',
                  message: t('backOffice.directQuoteMade', { number: quote.quoteNumber }),
                }),
              onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
            },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="direct-quote-heading">
            {t('backOffice.directQuote')}
          </Title>
          <Group grow>
            <TextInput
              label={t('accountAdmin.customerId')}
              value={values.customerId}
              onChange={(e) => set('customerId')(e.currentTarget.value)}
            />
            <NativeSelect
              label={t('backOffice.currency')}
              data={[...Currency.options]}
              value={values.currency}
              onChange={(e) => set('currency')(e.currentTarget.value)}
            />
          </Group>
          <Group grow>
            <TextInput
              label={t('backOffice.productCode')}
              value={values.productCode}
              onChange={(e) => set('productCode')(e.currentTarget.value)}
            />
            <NumberInput
              label={t('lines.quantity')}
              min={1}
              value={values.quantity}
              onChange={(v) => set('quantity')(Number(v))}
            />
          </Group>
          <Group grow>
            <TextInput
              label={t('backOffice.licensee')}
              value={values.licensee}
              onChange={(e) => set('licensee')(e.currentTarget.value)}
            />
            <TextInput
              label={t('backOffice.licenseeEmail')}
              value={values.licenseeEmail}
              onChange={(e) => set('licenseeEmail')(e.currentTarget.value)}
            />
          </Group>
          <Group grow>
            <TextInput
              label={t('backOffice.company')}
              value={values.company}
              onChange={(e) => set('company')(e.currentTarget.value)}
            />
            <TextInput
              label={t('backOffice.address')}
              value={values.address}
              onChange={(e) => set('address')(e.currentTarget.value)}
            />
          </Group>
          <Group grow>
            <TextInput
              label={t('backOffice.city')}
              value={values.city}
              onChange={(e) => set('city')(e.currentTarget.value)}
            />
            <TextInput
              label={t('backOffice.postalCode')}
              value={values.postalCode}
              onChange={(e) => set('postalCode')(e.currentTarget.value)}
            />
            <TextInput
              label={t('backOffice.country')}
              value={values.country}
              onChange={(e) => set('country')(e.currentTarget.value)}
            />
          </Group>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('backOffice.makeDirectQuote')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
