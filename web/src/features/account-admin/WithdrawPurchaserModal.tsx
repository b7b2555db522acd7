import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { useShowFailure } from '../../ui/useShowFailure.ts';
import { useChangePurchasers } from './api.ts';
import type { Purchaser } from './PurchasersSection.tsx';

/** Asks before a partner's Purchaser grant is withdrawn. */
export function WithdrawPurchaserModal({
  withdrawing,
  onClose,
}: {
  withdrawing: Purchaser | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const failed = useShowFailure();
  const change = useChangePurchasers();
  return (
    <ConfirmModal
      opened={withdrawing !== null}
      onClose={onClose}
      title={t('accountAdmin.withdrawTitle', { name: withdrawing?.name ?? '' })}
      text={t('accountAdmin.withdrawText')}
      confirmLabel={t('accountAdmin.withdraw')}
      pending={change.withdraw.isPending}
      onConfirm={() =>
        withdrawing && change.withdraw.mutate(withdrawing.partnerId, { onSuccess: onClose, onError: failed })
      }
    />
  );
}
