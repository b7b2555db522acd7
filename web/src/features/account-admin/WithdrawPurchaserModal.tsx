import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
    <Modal
      opened={withdrawing !== null}
      onClose={onClose}
      title={t('accountAdmin.withdrawTitle', { name: withdrawing?.name ?? '' })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('accountAdmin.withdrawText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={change.withdraw.isPending}
            onClick={() =>
              withdrawing &&
              change.withdraw.mutate(withdrawing.partnerId, {
                onSuccess: onClose,
                onError: failed,
              })
            }
          >
            {t('accountAdmin.withdraw')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
