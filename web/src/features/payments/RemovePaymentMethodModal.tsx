import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../../../../contract/index.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { useShowFailure } from '../../ui/useShowFailure.ts';
import { useChangePaymentMethods } from './api.ts';

/** Asks before a stored card or PayPal account is removed. */
export function RemovePaymentMethodModal({
  removing,
  onClose,
}: {
  removing: PaymentMethod | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const failed = useShowFailure();
  const change = useChangePaymentMethods();
  return (
    <ConfirmModal
      opened={removing !== null}
      onClose={onClose}
      title={
        removing?.kind === 'paypal'
          ? t('paymentMethods.removePayPalTitle', { email: removing.email })
          : t('paymentMethods.removeTitle', { last4: removing?.last4 ?? '' })
      }
      text={t('paymentMethods.removeText')}
      confirmLabel={t('paymentMethods.remove')}
      pending={change.remove.isPending}
      onConfirm={() => removing && change.remove.mutate(removing.id, { onSuccess: onClose, onError: failed })}
    />
  );
}
