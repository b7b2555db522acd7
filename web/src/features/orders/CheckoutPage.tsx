import { Alert, Anchor, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Quote } from '../../../../contract/index.ts';
import { useAttemptKey } from '../../api/attempt.ts';
import { isApiError } from '../../api/client.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { LinesTable } from '../../ui/LinesTable.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useCurrentSession } from '../auth/session.tsx';
import { useCompanyProfile } from '../partner/api.ts';
import { usePaymentMethods } from '../payments/api.ts';
import { hostedFormUrl, useHostedCardToken } from '../payments/useHostedCardToken.ts';
import { useQuote } from '../quotes/api.ts';
import { usePlaceOrder, useStartPayPal } from './api.ts';

type Card = { token: string; brand: string; last4: string };

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
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const profile = useCompanyProfile();
  const place = usePlaceOrder();
  const startPayPal = useStartPayPal();
  const attempt = useAttemptKey();
  const session = useCurrentSession();
  // PayPal brings the buyer back with `?paypal=approved&token=<order>` or `?paypal=cancelled`.
  const [search, setSearch] = useSearchParams();
  const payPalReturn = search.get('paypal');
  const payPalOrder = payPalReturn === 'approved' ? search.get('token') : null;
  // `card`, `paypal`, `postpaid`, or `stored:<id>` for a stored payment method.
  const [method, setMethod] = useState<string>(
    payPalReturn ? 'paypal' : session.features.cardForm ? 'card' : 'none',
  );
  const [card, setCard] = useState<Card | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  // The provider's form hands over the token by message (see useHostedCardToken).
  useHostedCardToken((next) => {
    setCard(next);
    setProblem(null);
    attempt.changed();
  });
  const stored = usePaymentMethods().data?.items ?? [];

  const creditTerms = profile.data?.creditTerms ?? false;
  const storedId = method.startsWith('stored:') ? method.slice('stored:'.length) : null;
  const ready =
    method === 'postpaid'
      ? creditTerms
      : method === 'paypal'
        ? payPalOrder !== null
        : storedId !== null || card !== null;
  const forgetPayPal = () => setSearch({}, { replace: true });
  const toPayPal = () =>
    startPayPal.mutate(
      { quoteNumber: q.quoteNumber, idempotencyKey: attempt.key() },
      {
        onSuccess: (approval) => window.location.assign(approval.approveUrl),
        onError: (error) => {
          if (!isHandledGlobally(error)) setProblem(errorMessage(error));
        },
      },
    );
  const submit = () => {
    if (!ready) {
      setProblem(t(method === 'paypal' ? 'checkout.payPalFirst' : 'checkout.cardFirst'));
      return;
    }
    place.mutate(
      {
        body: {
          quoteNumber: q.quoteNumber,
          payment:
            method === 'postpaid'
              ? { method: 'postpaid' }
              : method === 'paypal'
                ? { method: 'paypal', orderId: payPalOrder ?? '' }
                : storedId
                  ? { method: 'stored', paymentMethodId: storedId }
                  : { method: 'card', token: card?.token ?? '' },
        },
        idempotencyKey: attempt.key(),
      },
      {
        onSuccess: (order) => {
          attempt.succeeded();
          void navigate(`/orders/${encodeURIComponent(order.orderNumber)}`);
        },
        onError: (error) => {
          if (isHandledGlobally(error)) return;
          setProblem(errorMessage(error));
          // A declined card is spent: the form starts again for another one, a new attempt. Any
          // other failure (no answer, the provider away) keeps the card and the attempt, so Place
          // order again finds the first charge instead of making a second.
          if (isApiError(error, 'payment.declined')) {
            setCard(null);
            setFormKey((k) => k + 1);
            attempt.changed();
          }
          // PayPal refused the approved order: it is spent too; the buyer approves a new one.
          if (isApiError(error, 'payment.paypal_declined')) {
            forgetPayPal();
            attempt.changed();
          }
        },
      },
    );
  };

  if (!q.actions.order) {
    return (
      <Stack gap="md">
        <PageTitle>{t('checkout.title', { number: q.quoteNumber })}</PageTitle>
        <Alert color="orange" variant="light">
          {t('checkout.notOrderable', { status: t(`quoteStatus.${q.status}`) })}
        </Alert>
        <Anchor component={Link} to={`/quotes/${encodeURIComponent(q.quoteNumber)}`}>
          {t('quoteView.backToQuote')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/quotes/${encodeURIComponent(q.quoteNumber)}`} size="sm">
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
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('checkout.payment')}
          </Title>
          <Radio.Group
            value={method}
            onChange={(value) => {
              setMethod(value);
              setProblem(null);
              attempt.changed();
            }}
            label={t('checkout.paymentMethod')}
          >
            <Group mt={4}>
              {stored.map((m) => (
                <Radio
                  key={m.id}
                  value={`stored:${m.id}`}
                  label={
                    m.kind === 'paypal'
                      ? t('checkout.storedPayPal', { email: m.email })
                      : t('checkout.storedCard', {
                          brand: m.brand.toUpperCase(),
                          last4: m.last4,
                          expiry: `${m.expMonth}/${m.expYear}`,
                        })
                  }
                />
              ))}
              {session.features.cardForm ? <Radio value="card" label={t('checkout.card')} /> : null}
              {session.features.paypal ? <Radio value="paypal" label={t('checkout.paypal')} /> : null}
              {creditTerms ? <Radio value="postpaid" label={t('checkout.postpaid')} /> : null}
            </Group>
          </Radio.Group>
          {method === 'card' ? (
            card ? (
              <Group gap="sm">
                <Text fw={600}>
                  {t('checkout.cardReady', { brand: card.brand.toUpperCase(), last4: card.last4 })}
                </Text>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => {
                    setCard(null);
                    setFormKey((k) => k + 1);
                  }}
                >
                  {t('checkout.otherCard')}
                </Button>
              </Group>
            ) : (
              <iframe
                key={formKey}
                title={t('checkout.cardForm')}
                src={hostedFormUrl(i18n.language)}
                style={{
                  width: '100%',
                  maxWidth: 460,
                  height: 290,
                  border: '1px solid #dee2e6',
                  borderRadius: 4,
                }}
              />
            )
          ) : method === 'paypal' ? (
            payPalOrder ? (
              <Text fw={600}>{t('checkout.payPalApproved')}</Text>
            ) : (
              <Stack gap="xs" align="flex-start">
                {payPalReturn === 'cancelled' ? (
                  <Alert color="orange" variant="light">
                    {t('checkout.payPalCancelled')}
                  </Alert>
                ) : null}
                <Text size="sm">{t('checkout.payPalNote')}</Text>
                <Button variant="outline" onClick={toPayPal} loading={startPayPal.isPending}>
                  {t('checkout.toPayPal')}
                </Button>
              </Stack>
            )
          ) : method === 'postpaid' ? (
            <Text size="sm">{t('checkout.postpaidNote')}</Text>
          ) : null}
          {problem ? (
            <Alert color="red" variant="light" role="alert">
              {problem}
            </Alert>
          ) : null}
          <Group>
            <Button onClick={submit} loading={place.isPending} size="md">
              {t('checkout.placeOrder')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
