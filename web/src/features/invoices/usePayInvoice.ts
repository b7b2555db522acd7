import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { InvoiceDetails, PayInvoiceRequest } from '../../../../contract/index.ts';
import { useAttemptKey } from '../../api/attempt.ts';
import { isApiError } from '../../api/client.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useCurrentSession } from '../auth/session.tsx';
import { type Card, isPaymentReady, paymentFor } from '../orders/checkoutPayment.ts';
import { useHostedCardToken } from '../payments/useHostedCardToken.ts';
import { usePayInvoice, useStartInvoicePayPal } from './api.ts';

/**
 * Pay now's state, as the checkout's (useCheckout) without postpaid: the chosen method, the card
 * from the provider's form, the PayPal return, the problem to show, and the actions with one
 * attempt, so a double click pays once.
 */
export function usePayNow(invoice: InvoiceDetails, onPaid: () => void) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const session = useCurrentSession();
  const pay = usePayInvoice(invoice.invoiceNumber);
  const startPayPal = useStartInvoicePayPal(invoice.invoiceNumber);
  const attempt = useAttemptKey();
  // PayPal brings the buyer back to the invoice with `?paypal=approved&token=<order>` or `cancelled`.
  const [search, setSearch] = useSearchParams();
  const payPalReturn = search.get('paypal');
  const payPalOrder = payPalReturn === 'approved' ? search.get('token') : null;
  const [method, setMethod] = useState<string>(
    payPalReturn ? 'paypal' : session.features.cardForm ? 'card' : 'none',
  );
  const [card, setCard] = useState<Card | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  useHostedCardToken((next) => {
    setCard(next);
    setProblem(null);
    attempt.changed();
  });

  const choice = { method, card, payPalOrder, creditTerms: false };
  const otherCard = () => {
    setCard(null);
    setFormKey((k) => k + 1);
  };
  const showProblem = (error: unknown) => {
    if (!isHandledGlobally(error)) setProblem(errorMessage(error));
  };
  const toPayPal = () =>
    startPayPal.mutate(
      { idempotencyKey: attempt.key() },
      { onSuccess: (approval) => window.location.assign(approval.approveUrl), onError: showProblem },
    );
  const submit = () => {
    const payment = paymentFor(choice);
    if (!isPaymentReady(choice) || payment.method === 'postpaid') {
      setProblem(t(method === 'paypal' ? 'checkout.payPalFirst' : 'checkout.cardFirst'));
      return;
    }
    const body: PayInvoiceRequest = { payment };
    pay.mutate(
      { body, idempotencyKey: attempt.key() },
      {
        onSuccess: (paid) => {
          attempt.succeeded();
          if (payPalReturn) setSearch({}, { replace: true });
          notifications.show({
            color: 'teal',
            message: t('invoiceView.paid', { number: paid.invoiceNumber }),
          });
          onPaid();
        },
        onError: (error) => {
          showProblem(error);
          // A declined card or PayPal order is spent: a new one, a new attempt (as at checkout).
          if (isApiError(error, 'payment.declined')) {
            otherCard();
            attempt.changed();
          }
          if (isApiError(error, 'payment.paypal_declined')) {
            setSearch({}, { replace: true });
            attempt.changed();
          }
        },
      },
    );
  };
  const chooseMethod = (value: string) => {
    setMethod(value);
    setProblem(null);
    attempt.changed();
  };

  return {
    method,
    chooseMethod,
    card,
    otherCard,
    formKey,
    payPalReturn,
    payPalOrder,
    problem,
    toPayPal,
    startingPayPal: startPayPal.isPending,
    submit,
    paying: pay.isPending,
  };
}
