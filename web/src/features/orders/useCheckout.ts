import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Quote } from '../../../../contract/index.ts';
import { useAttemptKey } from '../../api/attempt.ts';
import { isApiError } from '../../api/client.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useCurrentSession } from '../auth/session.tsx';
import { useCompanyProfile } from '../partner/api.ts';
import { useHostedCardToken } from '../payments/useHostedCardToken.ts';
import { usePlaceOrder, useStartPayPal } from './api.ts';
import { type Card, isPaymentReady, paymentFor } from './checkoutPayment.ts';

/**
 * The checkout's state: the chosen payment method, the card from the provider's form, the PayPal
 * return, the problem to show, and the two actions (go to PayPal, Place order) with one attempt.
 */
export function useCheckout(q: Quote) {
  const { t } = useTranslation();
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

  const creditTerms = profile.data?.creditTerms ?? false;
  const choice = { method, card, payPalOrder, creditTerms };
  const forgetPayPal = () => setSearch({}, { replace: true });
  const chooseMethod = (value: string) => {
    setMethod(value);
    setProblem(null);
    attempt.changed();
  };
  const otherCard = () => {
    setCard(null);
    setFormKey((k) => k + 1);
  };
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
    if (!isPaymentReady(choice)) {
      setProblem(t(method === 'paypal' ? 'checkout.payPalFirst' : 'checkout.cardFirst'));
      return;
    }
    place.mutate(
      {
        body: { quoteNumber: q.quoteNumber, payment: paymentFor(choice) },
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
            otherCard();
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

  return {
    method,
    chooseMethod,
    card,
    otherCard,
    formKey,
    payPalReturn,
    payPalOrder,
    creditTerms,
    problem,
    toPayPal,
    startingPayPal: startPayPal.isPending,
    submit,
    placing: place.isPending,
  };
}
