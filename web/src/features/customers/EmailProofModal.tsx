import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AccountIdentifier,
  type CustomerAccount,
  OpenCustomerRequest,
} from '../../../../contract/index.ts';
import { placeApiError, useContractForm } from '../../forms/contractForm.tsx';
import { useOpenCustomer } from './api.ts';

type Values = { email: string };

/**
 * The email step (SPEC §3 items 1, 3 and 5): only an email of the account opens it. Every
 * message of this step shows under its one field: the same answer for a wrong identifier and a
 * wrong email, and the rate limit.
 */
export function EmailProofModal({
  identifier,
  onClose,
  onOpened,
}: {
  identifier: AccountIdentifier | null;
  onClose: () => void;
  onOpened: (account: CustomerAccount) => void;
}) {
  const { t } = useTranslation();
  const open = useOpenCustomer();
  const form = useContractForm({
    schema: OpenCustomerRequest,
    initialValues: { email: '' } satisfies Values,
    toInput: (values: Values) => ({ identifier, email: values.email }),
    fallbackField: 'email',
  });

  // Another identifier starts a fresh attempt.
  const { reset } = form;
  useEffect(() => {
    if (identifier) reset();
  }, [identifier, reset]);

  const submit = form.onSubmit((body) =>
    open.mutate(body, {
      onSuccess: (account) => onOpened(account),
      onError: (error) => placeApiError(form, error, 'email'),
    }),
  );

  return (
    <Modal
      opened={identifier !== null}
      onClose={onClose}
      title={t('customers.modal.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            {identifier
              ? t('customers.modal.intro', {
                  kind: t(`customers.kinds.${identifier.kind}`),
                  value: identifier.value,
                })
              : null}
          </Text>
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
            <Button type="submit" loading={open.isPending}>
              {t('customers.modal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
