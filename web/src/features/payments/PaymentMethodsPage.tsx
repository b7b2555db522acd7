import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../../../../contract/index.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { EmptyState } from '../../ui/states.tsx';
import { AddPaymentMethod } from './AddPaymentMethod.tsx';
import { usePaymentMethods } from './api.ts';
import { PaymentMethodsTable } from './PaymentMethodsTable.tsx';
import { RemovePaymentMethodModal } from './RemovePaymentMethodModal.tsx';
import { useAddPaymentMethod } from './useAddPaymentMethod.ts';

/**
 * Payment methods (SPEC §8): stored cards (brand, last four, expiry) and PayPal accounts, the
 * default, add and remove. Adding PayPal goes to PayPal's pages, which bring the buyer back here
 * with `?paypal=approved&approval_token_id=<setup>` (or `?paypal=cancelled`); this page completes it.
 */
export function PaymentMethodsPage() {
  const { t } = useTranslation();
  const methods = usePaymentMethods();
  // Mounted with the page, not the Add section: a PayPal return or a card is taken in either way.
  const adding = useAddPaymentMethod();
  const [removing, setRemoving] = useState<PaymentMethod | null>(null);
  const manage = methods.data?.actions.manage ?? false;

  return (
    <Stack gap="lg">
      <PageTitle>{t('paymentMethods.title')}</PageTitle>
      <Text c="dimmed">{t('paymentMethods.intro')}</Text>
      <QueryState
        query={methods}
        loadingLabel={t('paymentMethods.loading')}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState>{t('paymentMethods.none')}</EmptyState>}
      >
        {(data) => <PaymentMethodsTable items={data.items} manage={manage} onRemove={setRemoving} />}
      </QueryState>
      {manage ? (
        <AddPaymentMethod adding={adding} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('paymentMethods.manageOnly')}
        </Text>
      )}
      <RemovePaymentMethodModal removing={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}
