import { Button, Group, NativeSelect, NumberInput, Paper, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Currency, DirectQuoteRequest } from '../../../../contract/index.ts';
import { FormErrorAlert, placeFieldErrorOr, useContractForm } from '../../forms/contractForm.tsx';
import { useErrorMessage } from '../../i18n/errors.ts';
import { useCreateDirectQuote } from './api.ts';

/** The form's values, shaped as the request so that each error finds its field. */
type Values = {
  customerId: string;
  currency: Currency;
  billingAddress: {
    companyName: string;
    addressLine1: string;
    city: string;
    postalCode: string;
    country: string;
  };
  endUser: { name: string; email: string };
  lines: { productCode: string; quantity: number | string }[];
};

const initialValues: Values = {
  customerId: '',
  currency: 'USD',
  billingAddress: { companyName: '', addressLine1: '', city: '', postalCode: '', country: 'US' },
  endUser: { name: '', email: '' },
  lines: [{ productCode: 'II', quantity: 1 }],
};

/** The request: one product line at list price, for the standard term. */
const toInput = (values: Values) => ({
  ...values,
  lines: values.lines.map((line) => ({ ...line, quantity: Number(line.quantity), termYears: 1 })),
});

/** A vendor direct quote for a customer account, at list prices (one product line). */
export function DirectQuoteForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateDirectQuote();
  const form = useContractForm({ schema: DirectQuoteRequest, initialValues, toInput });
  const submit = form.onSubmit((body) =>
    create.mutate(body, {
      onSuccess: (quote) =>
        notifications.show({
          color: 'teal',
          message: t('backOffice.directQuoteMade', { number: quote.quoteNumber }),
        }),
      onError: (error) =>
        placeFieldErrorOr(form, error, () =>
          notifications.show({ color: 'red', message: errorMessage(error) }),
        ),
    }),
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="direct-quote-heading" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="direct-quote-heading">
            {t('backOffice.directQuote')}
          </Title>
          <FormErrorAlert form={form} />
          <Group grow>
            <TextInput label={t('accountAdmin.customerId')} {...form.getInputProps('customerId')} />
            <NativeSelect
              label={t('backOffice.currency')}
              data={[...Currency.options]}
              {...form.getInputProps('currency')}
            />
          </Group>
          <Group grow>
            <TextInput label={t('backOffice.productCode')} {...form.getInputProps('lines.0.productCode')} />
            <NumberInput label={t('lines.quantity')} min={1} {...form.getInputProps('lines.0.quantity')} />
          </Group>
          <Group grow>
            <TextInput label={t('backOffice.licensee')} {...form.getInputProps('endUser.name')} />
            <TextInput label={t('backOffice.licenseeEmail')} {...form.getInputProps('endUser.email')} />
          </Group>
          <Group grow>
            <TextInput
              label={t('backOffice.company')}
              {...form.getInputProps('billingAddress.companyName')}
            />
            <TextInput
              label={t('backOffice.address')}
              {...form.getInputProps('billingAddress.addressLine1')}
            />
          </Group>
          <Group grow>
            <TextInput label={t('backOffice.city')} {...form.getInputProps('billingAddress.city')} />
            <TextInput
              label={t('backOffice.postalCode')}
              {...form.getInputProps('billingAddress.postalCode')}
            />
            <TextInput label={t('backOffice.country')} {...form.getInputProps('billingAddress.country')} />
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
