import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CustomerLookupByIdRequest } from '../../../../contract/index.ts';
import { translateError, zodFieldErrors } from '../../i18n/errors.ts';
import { useOpenCustomerById } from './api.ts';

/** The email step of opening an account by Customer ID (SPEC §3): only a matching email opens it. */
export function OpenByIdModal({ customerId, onClose }: { customerId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const openById = useOpenCustomerById();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);

  // A new Customer ID starts a fresh attempt.
  useEffect(() => {
    if (customerId) {
      setEmail('');
      setError(null);
    }
  }, [customerId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!customerId) return;
    const parsed = CustomerLookupByIdRequest.safeParse({ customerId, email: email.trim() });
    if (!parsed.success) {
      const errors = zodFieldErrors(t, parsed.error);
      setError(errors.email ?? errors.customerId ?? t('errors.unknown'));
      return;
    }
    setError(null);
    openById.mutate(parsed.data, {
      onSuccess: (account) => {
        notifications.show({
          color: 'teal',
          message: t('customers.opened', { name: account.name, customerId: account.customerId }),
        });
        onClose();
        void navigate('/catalog');
      },
      // The same answer for a wrong ID and a wrong email, and the rate limit, are shown under the email.
      onError: (apiError) => setError(translateError(t, i18n.language, apiError)),
    });
  };

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
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={error}
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
