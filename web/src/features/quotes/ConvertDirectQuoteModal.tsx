import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ConvertDirectQuoteRequest, type Quote } from '../../../../contract/index.ts';
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

type Values = { billingAddress: BillingAddressValues; endUser: EndUserValues; poNumber: string };

/**
 * SPEC §3 item 4: the licensee's contact details for a vendor direct quote, which then becomes
 * this partner's reseller quote. Why a quote cannot be converted (expired, cancelled, already
 * converted, not a direct quote) is told in the pop-up.
 */
export function ConvertDirectQuoteModal({
  quoteNumber,
  onClose,
  onConverted,
}: {
  quoteNumber: string | null;
  onClose: () => void;
  onConverted: (quote: Quote) => void;
}) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const convert = useConvertDirectQuote();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useContractForm({
    schema: ConvertDirectQuoteRequest,
    initialValues: {
      billingAddress: billingAddressValues({
        companyName: session.partner.name,
        country: session.partner.country,
      }),
      endUser: endUserValues(),
      poNumber: '',
    } satisfies Values,
    toInput: (values: Values) => ({ quoteNumber, ...values }),
  });

  const { reset } = form;
  useEffect(() => {
    if (quoteNumber) reset();
  }, [quoteNumber, reset]);

  const submit = form.onSubmit(
    (body) =>
      convert.mutate(body, {
        onSuccess: onConverted,
        onError: (error) => placeApiError(form, error),
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
          <EndUserFieldset form={form} />
          <BillingAddressFieldset form={form} />
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
