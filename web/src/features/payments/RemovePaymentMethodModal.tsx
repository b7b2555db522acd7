import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../../../../contract/index.ts';
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
    <Modal
      opened={removing !== null}
      onClose={onClose}
      title={
        removing?.kind === 'paypal'
          ? t('paymentMethods.removePayPalTitle', { email: removing.email })
          : t('paymentMethods.removeTitle', { last4: removing?.last4 ?? '' })
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('paymentMethods.removeText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={change.remove.isPending}
            onClick={() =>
              removing &&
              change.remove.mutate(removing.id, {
                onSuccess: onClose,
                onError: failed,
              })
            }
          >
            {t('paymentMethods.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
