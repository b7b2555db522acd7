import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CustomerLookupByIdRequest } from '../../../../contract/index.ts';
import { placeApiError, useContractForm } from '../../forms/contractForm.tsx';
import { useOpenCustomerById } from './api.ts';

type Values = { email: string };

/** The email step of opening an account by Customer ID (SPEC §3): only a matching email opens it. */
export function OpenByIdModal({ customerId, onClose }: { customerId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const openById = useOpenCustomerById();
  // Every message of this step is told under its one field: the same answer for a wrong ID and a
  // wrong email, and the rate limit.
  const form = useContractForm({
    schema: CustomerLookupByIdRequest,
    initialValues: { email: '' } satisfies Values,
    toInput: (values: Values) => ({ customerId, email: values.email }),
    fallbackField: 'email',
  });

  // A new Customer ID starts a fresh attempt.
  const { reset } = form;
  useEffect(() => {
    if (customerId) reset();
  }, [customerId, reset]);

  const submit = form.onSubmit((body) =>
    openById.mutate(body, {
      onSuccess: (account) => {
        notifications.show({
          color: 'teal',
          message: t('customers.opened', { name: account.name, customerId: account.customerId }),
        });
        onClose();
        void navigate('/catalog');
      },
      onError: (error) => placeApiError(form, error, 'email'),
    }),
  );

  return (
    <Modal
      opened={customerId !== null}
      onClose={onClose}
      title={t('customers.modal.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('customers.modal.intro', { customerId })}</Text>
          <TextInput
            label={t('customers.modal.email')}
            type="email"
            autoComplete="off"
            {...form.getInputProps('email')}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={openById.isPending}>
              {t('customers.modal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
