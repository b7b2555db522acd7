import { Button, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../i18n/errors.ts';
import { useSettleInvoice } from './api.ts';

export type Settling = { invoiceNumber: string; action: 'payment' | 'credit' };

/** Records the payment of an unpaid invoice (on a date), or settles it with a credit note (a reason). */
export function SettleInvoiceModal({
  settling,
  onClose,
}: {
  settling: Settling | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const settle = useSettleInvoice();
  const [paidOn, setPaidOn] = useState(new Date().toISOString().slice(0, 10));
  const [reason, setReason] = useState('');
  const done = (message: string) => {
    notifications.show({ color: 'teal', message });
    onClose();
    setReason('');
  };
  const failed = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) });
  return (
    <Modal
      opened={settling !== null}
      onClose={onClose}
      title={
        settling?.action === 'payment'
          ? t('backOffice.recordPaymentOf', { number: settling.invoiceNumber })
          : t('backOffice.creditNoteOf', { number: settling?.invoiceNumber ?? '' })
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {settling?.action === 'payment' ? (
        <Stack gap="md">
          <TextInput
            label={t('backOffice.paidOn')}
            type="date"
            value={paidOn}
            onChange={(e) => setPaidOn(e.currentTarget.value)}
          />
          <Button
            loading={settle.recordPayment.isPending}
            onClick={() =>
              settle.recordPayment.mutate(
                { invoiceNumber: settling.invoiceNumber, paidOn },
                {
                  onSuccess: (i) => done(t('backOffice.paid', { number: i.invoiceNumber })),
                  onError: failed,
                },
              )
            }
          >
            {t('backOffice.recordPayment')}
          </Button>
        </Stack>
      ) : settling ? (
        <Stack gap="md">
          <TextInput
            label={t('backOffice.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button
            loading={settle.creditNote.isPending}
            onClick={() =>
              settle.creditNote.mutate(
                { invoiceNumber: settling.invoiceNumber, reason },
                {
                  onSuccess: (i) =>
                    done(t('backOffice.credited', { number: i.invoiceNumber, note: i.creditNoteNumber })),
                  onError: failed,
                },
              )
            }
          >
            {t('backOffice.creditNote')}
          </Button>
        </Stack>
      ) : null}
    </Modal>
  );
}
