import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../auth/session.tsx';
import type { useAddPaymentMethod } from './useAddPaymentMethod.ts';
import { hostedFormUrl } from './useHostedCardToken.ts';

/** The Add section: the provider's card form, and Add PayPal, where the portal offers them. */
export function AddPaymentMethod({ adding }: { adding: ReturnType<typeof useAddPaymentMethod> }) {
  const { t, i18n } = useTranslation();
  const session = useCurrentSession();
  return (
    <Paper withBorder p="md" maw={520} component="section" aria-labelledby="add-card">
      <Title order={2} size="h5" id="add-card">
        {t('paymentMethods.addTitle')}
      </Title>
      {session.features.cardForm ? (
        <>
          <Text size="sm" fw={600} mt="xs">
            {t('paymentMethods.add')}
          </Text>
          <iframe
            key={adding.formKey}
            title={t('checkout.cardForm')}
            src={hostedFormUrl(i18n.language)}
            style={{ width: '100%', height: 290, border: 0 }}
          />
        </>
      ) : (
        <Text size="sm">{t('paymentMethods.cardsWithProvider')}</Text>
      )}
      {session.features.paypal ? (
        <Stack gap="xs" mt="md" align="flex-start">
          <Text size="sm">{t('paymentMethods.payPalIntro')}</Text>
          {adding.payPalReturn === 'cancelled' ? (
            <Alert color="orange" variant="light">
              {t('paymentMethods.payPalCancelled')}
            </Alert>
          ) : null}
          <Button variant="outline" loading={adding.payPalPending} onClick={adding.toPayPal}>
            {t('paymentMethods.addPayPal')}
          </Button>
        </Stack>
      ) : null}
    </Paper>
  );
}
