import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Quote } from '../../../../contract/index.ts';
import { LinesTable } from '../../ui/LinesTable.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useQuote } from '../quotes/api.ts';
import { PaymentSection } from './PaymentSection.tsx';

/**
 * Checkout (SPEC §8) of a valid quote: its information, then the payment — a card entered in the
 * payment provider's own form (the portal gets a token, never the card), a stored card or PayPal
 * account, PayPal (approved on PayPal's pages, which bring the buyer back here with the approved
 * order), or postpaid for partners with credit terms — and **Place order**.
 */
export function CheckoutPage() {
  const { t } = useTranslation();
  const quoteNumber = useParams().quoteNumber ?? '';
  const quote = useQuote(quoteNumber);
  return (
    <QueryState query={quote} loadingLabel={t('quoteView.loading')}>
      {(q) => <Checkout quote={q} />}
    </QueryState>
  );
}

function Checkout({ quote: q }: { quote: Quote }) {
  const { t } = useTranslation();
  const backToQuote = `/quotes/${encodeURIComponent(q.quoteNumber)}`;

  if (!q.actions.order) {
    return (
      <Stack gap="md">
        <PageTitle>{t('checkout.title', { number: q.quoteNumber })}</PageTitle>
        <Alert color="orange" variant="light">
          {t('checkout.notOrderable', { status: t(`quoteStatus.${q.status}`) })}
        </Alert>
        <Anchor component={Link} to={backToQuote}>
          {t('quoteView.backToQuote')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={backToQuote} size="sm">
          {t('quoteView.backToQuote')}
        </Anchor>
        <PageTitle>{t('checkout.title', { number: q.quoteNumber })}</PageTitle>
        <Text size="sm">
          {t('checkout.forCustomer', { name: q.customer.name, customerId: q.customer.customerId })} ·{' '}
          {t('checkout.billTo', { company: q.billingAddress.companyName })} ·{' '}
          {t('checkout.licensee', { name: q.endUser.name, email: q.endUser.email })}
        </Text>
      </div>
      <LinesTable lines={q.lines} totals={q.totals} currency={q.currency} />
      <PaymentSection quote={q} />
    </Stack>
  );
}
