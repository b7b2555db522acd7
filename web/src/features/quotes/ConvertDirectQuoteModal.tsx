import { Button, Group, Modal, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ConvertDirectQuoteRequest,
  type DirectQuotePreview,
  type Quote,
} from '../../../../contract/index.ts';
import { isApiError } from '../../api/client.ts';
import {
  BillingAddressFieldset,
  type BillingAddressValues,
  billingAddressValues,
} from '../../forms/BillingAddressFieldset.tsx';
import {
  FormErrorAlert,
  focusFirstError,
  placeApiError,
  useContractForm,
} from '../../forms/contractForm.tsx';
import { EndUserFieldset, type EndUserValues, endUserValues } from '../../forms/EndUserFieldset.tsx';
import { useCurrentSession } from '../auth/session.tsx';
import { useConvertDirectQuote } from './api.ts';
import { DirectQuoteSummary } from './DirectQuoteSummary.tsx';

type Values = {
  billingAddress: BillingAddressValues;
  /** Off: the partner's billing address on file is used. */
  otherBillingAddress: boolean;
  endUser: EndUserValues;
  poNumber: string;
};

/**
 * SPEC §3 item 4: the licensee's contact details for a vendor direct quote, which then becomes
 * this partner's reseller quote. It opens only for a quote the server checked (valid, direct, not
 * converted): why one cannot be converted is told at the search bar before anything is filled.
 */
export function ConvertDirectQuoteModal({
  preview,
  onClose,
  onConverted,
}: {
  preview: DirectQuotePreview | null;
  onClose: () => void;
  onConverted: (quote: Quote) => void;
}) {
  const { t } = useTranslation();
  const quoteNumber = preview?.quoteNumber ?? null;
  const session = useCurrentSession();
  const convert = useConvertDirectQuote();
  const formRef = useRef<HTMLFormElement>(null);
  const initialValues: Values = {
    billingAddress: billingAddressValues({
      companyName: session.partner.name,
      country: session.partner.country,
    }),
    otherBillingAddress: false,
    endUser: endUserValues(),
    poNumber: '',
  };
  const form = useContractForm({
    schema: ConvertDirectQuoteRequest,
    initialValues,
    toInput: ({ otherBillingAddress, billingAddress, ...values }: Values) => ({
      quoteNumber,
      ...values,
      ...(otherBillingAddress ? { billingAddress } : {}),
    }),
  });

  const { reset } = form;
  useEffect(() => {
    if (quoteNumber) reset();
  }, [quoteNumber, reset]);

  const submit = form.onSubmit(
    (body) =>
      convert.mutate(body, {
        onSuccess: onConverted,
        onError: (error) => {
          // No address on file: ask for one, with the message beside the switch that shows it.
          if (isApiError(error, 'quote.billing_address_required'))
            form.setFieldValue('otherBillingAddress', true);
          placeApiError(
            form,
            error,
            isApiError(error, 'quote.billing_address_required') ? 'otherBillingAddress' : undefined,
          );
        },
      }),
    () => focusFirstError(formRef.current),
  );

  return (
    <Modal
      opened={quoteNumber !== null}
      onClose={onClose}
      title={t('convertQuote.title', { quoteNumber })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="xl"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('convertQuote.intro', { quoteNumber })}</Text>
          {preview ? <DirectQuoteSummary preview={preview} /> : null}
          <EndUserFieldset form={form} />
          <Switch
            label={t('convertQuote.otherBillingAddress')}
            description={t('convertQuote.billingOnFile')}
            {...form.getInputProps('otherBillingAddress', { type: 'checkbox' })}
          />
          {form.values.otherBillingAddress ? <BillingAddressFieldset form={form} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('quoteForm.poNumber')}
              description={t('common.optional')}
              autoComplete="off"
              {...form.getInputProps('poNumber')}
            />
          </SimpleGrid>
          <FormErrorAlert form={form} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={convert.isPending}>
              {t('convertQuote.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
