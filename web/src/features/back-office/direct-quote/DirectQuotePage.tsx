import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Currency, DirectQuoteRequest } from '../../../../../contract/index.ts';
import { BillingAddressFieldset } from '../../../forms/BillingAddressFieldset.tsx';
import {
  FormErrorAlert,
  focusFirstError,
  placeFieldErrorOr,
  useContractForm,
} from '../../../forms/contractForm.tsx';
import { EndUserFieldset } from '../../../forms/EndUserFieldset.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useShowFailure } from '../../../ui/useShowFailure.ts';
import { useCreateDirectQuote } from '../api.ts';
import { DirectQuoteLines } from './DirectQuoteLines.tsx';
import { type DirectQuoteValues, initialDirectQuoteValues, toDirectQuoteInput } from './directQuoteValues.ts';

/**
 * A vendor direct quote (SPEC §3 item 4) on a page of its own: a customer account, any number of
 * products at list price, the licensee and the bill-to address. Every problem of the form is shown
 * at once, next to its field; the customer then gives the quote's number to a partner.
 */
export function DirectQuotePage() {
  const { t } = useTranslation();
  const showFailure = useShowFailure();
  const create = useCreateDirectQuote();
  const [made, setMade] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useContractForm({
    schema: DirectQuoteRequest,
    initialValues: initialDirectQuoteValues(),
    toInput: toDirectQuoteInput,
    onValuesChange: () => setMade(null),
  });
  const submit = form.onSubmit(
    (body) =>
      create.mutate(body, {
        onSuccess: (quote) => setMade(quote.quoteNumber),
        onError: (error) => placeFieldErrorOr(form, error, () => showFailure(error)),
      }),
    () => focusFirstError(formRef.current),
  );
  const values: DirectQuoteValues = form.values;
  return (
    <Stack gap="lg" maw={960}>
      <PageTitle>{t('backOffice.directQuote')}</PageTitle>
      <Text size="sm" c="dimmed">
        {t('backOffice.directQuoteIntro')}
      </Text>
      {made ? (
        <Alert color="teal" variant="light" role="status" title={t('backOffice.directQuoteMadeTitle')}>
          {t('backOffice.directQuoteMade', { number: made })}
        </Alert>
      ) : null}
      <form ref={formRef} onSubmit={submit} noValidate aria-label={t('backOffice.directQuote')}>
        <Stack gap="md">
          <FormErrorAlert form={form} />
          <Group grow align="flex-start">
            <TextInput
              label={t('accountAdmin.customerId')}
              description={t('backOffice.customerIdHint')}
              autoComplete="off"
              {...form.getInputProps('customerId')}
            />
            <NativeSelect
              label={t('backOffice.currency')}
              data={[...Currency.options]}
              {...form.getInputProps('currency')}
            />
          </Group>
          <DirectQuoteLines form={form} currency={values.currency} />
          <EndUserFieldset form={form} />
          <BillingAddressFieldset form={form} legend={t('backOffice.billTo')} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('backOffice.makeDirectQuote')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
