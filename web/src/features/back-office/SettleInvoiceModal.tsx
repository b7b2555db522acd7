import { Button, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CreditNoteRequest, RecordPaymentRequest } from '../../../../contract/index.ts';
import { placeFieldErrorOr, useContractForm } from '../../forms/contractForm.tsx';
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
  // Both forms live as long as the list, so a date or reason typed survives closing the dialog.
  const payment = useContractForm({
    schema: RecordPaymentRequest,
    initialValues: { paidOn: new Date().toISOString().slice(0, 10) },
    toInput: (values: { paidOn: string }) => values,
  });
  const credit = useContractForm({
    schema: CreditNoteRequest,
    initialValues: { reason: '' },
    toInput: (values: { reason: string }) => values,
  });
  const done = (message: string) => {
    notifications.show({ color: 'teal', message });
    onClose();
    credit.reset();
  };
  const notify = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) });
  const recordPayment = (invoiceNumber: string) =>
    payment.onSubmit((body) =>
      settle.recordPayment.mutate(
        { invoiceNumber, ...body },
        {
          onSuccess: (i) => done(t('backOffice.paid', { number: i.invoiceNumber })),
          onError: (error) => placeFieldErrorOr(payment, error, notify),
        },
      ),
    );
  const issueCreditNote = (invoiceNumber: string) =>
    credit.onSubmit((body) =>
      settle.creditNote.mutate(
        { invoiceNumber, ...body },
        {
          onSuccess: (i) =>
            done(t('backOffice.credited', { number: i.invoiceNumber, note: i.creditNoteNumber })),
          onError: (error) => placeFieldErrorOr(credit, error, notify),
        },
      ),
    );
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
        <form onSubmit={recordPayment(settling.invoiceNumber)} noValidate>
          <Stack gap="md">
            <TextInput label={t('backOffice.paidOn')} type="date" {...payment.getInputProps('paidOn')} />
            <Button type="submit" loading={settle.recordPayment.isPending}>
              {t('backOffice.recordPayment')}
            </Button>
          </Stack>
        </form>
      ) : settling ? (
        <form onSubmit={issueCreditNote(settling.invoiceNumber)} noValidate>
          <Stack gap="md">
            <TextInput label={t('backOffice.reason')} {...credit.getInputProps('reason')} />
            <Button type="submit" loading={settle.creditNote.isPending}>
              {t('backOffice.creditNote')}
            </Button>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
