import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAttemptKey } from '../../api/attempt.ts';
import { useShowFailure } from '../../ui/useShowFailure.ts';
import { useChangePaymentMethods } from './api.ts';
import { type HostedCard, useHostedCardToken } from './useHostedCardToken.ts';

/**
 * Adding a payment method: a card handed over by the provider's form is stored as it comes, and a
 * PayPal approval the buyer is brought back with is completed once. `formKey` restarts the form.
 */
export function useAddPaymentMethod() {
  const { t } = useTranslation();
  const failed = useShowFailure();
  const change = useChangePaymentMethods();
  const attempt = useAttemptKey();
  const [search, setSearch] = useSearchParams();
  const payPalReturn = search.get('paypal');
  const approvalId = payPalReturn === 'approved' ? search.get('approval_token_id') : null;
  const completing = useRef<string | null>(null);
  useEffect(() => {
    // Once per approval, even if React runs the effect twice.
    if (!approvalId || completing.current === approvalId) return;
    completing.current = approvalId;
    change.completePayPal.mutate(approvalId, {
      onSuccess: () => {
        setSearch({}, { replace: true });
        notifications.show({ color: 'teal', message: t('paymentMethods.payPalAdded') });
      },
      onError: (error) => {
        setSearch({}, { replace: true });
        failed(error);
      },
    });
  });
  const [formKey, setFormKey] = useState(0);
  const onCard = (card: HostedCard) =>
    change.add.mutate(
      { token: card.token, idempotencyKey: attempt.key() },
      {
        onSuccess: () => {
          attempt.succeeded();
          attempt.changed();
          setFormKey((k) => k + 1);
          notifications.show({
            color: 'teal',
            message: t('paymentMethods.added', { brand: card.brand.toUpperCase(), last4: card.last4 }),
          });
        },
        onError: (error) => {
          // The card the form holds was not stored: the form starts again, as a new attempt.
          attempt.changed();
          setFormKey((k) => k + 1);
          failed(error);
        },
      },
    );
  useHostedCardToken(onCard);
  const toPayPal = () =>
    change.startPayPal.mutate(attempt.key(), {
      onSuccess: (approval) => window.location.assign(approval.approveUrl),
      onError: failed,
    });

  return {
    formKey,
    payPalReturn,
    toPayPal,
    payPalPending: change.startPayPal.isPending || change.completePayPal.isPending,
  };
}
