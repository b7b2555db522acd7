import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CreateCustomerRequest, type CustomerAccount } from '../../../../contract/index.ts';
import { useAttemptKey } from '../../api/attempt.ts';
import { CountrySelect } from '../../forms/CountrySelect.tsx';
import { FormErrorAlert, placeApiError, useContractForm } from '../../forms/contractForm.tsx';
import { useCreateCustomer } from './api.ts';

export type NewAccountValues = {
  companyName: string;
  country: string;
  adminContact: { name: string; email: string };
};

export function NewAccountForm({
  email,
  onCreated,
  onCancel,
  canCancel,
}: {
  email: string;
  onCreated: (account: CustomerAccount) => void;
  onCancel: () => void;
  canCancel: boolean;
}) {
  const { t } = useTranslation();
  const create = useCreateCustomer();
  const attempt = useAttemptKey();
  const form = useContractForm({
    schema: CreateCustomerRequest,
    initialValues: {
      companyName: '',
      country: '',
      adminContact: { name: '', email },
    } satisfies NewAccountValues,
    toInput: (values: NewAccountValues) => values,
    onValuesChange: () => attempt.changed(),
  });

  const submit = form.onSubmit((body) =>
    create.mutate(
      { body, idempotencyKey: attempt.key() },
      {
        onSuccess: (account) => {
          attempt.succeeded();
          onCreated(account);
        },
        onError: (error) => placeApiError(form, error),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-account-heading">
      <Stack gap="sm">
        <Text fw={600} id="new-account-heading">
          {t('customers.create.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('customers.create.intro')}
        </Text>
        <TextInput
          label={t('customers.create.companyName')}
          autoComplete="organization"
          {...form.getInputProps('companyName')}
        />
        <CountrySelect
          label={t('customers.create.country')}
          {...form.getInputProps('country')}
          value={form.values.country}
        />
        <TextInput
          label={t('customers.create.adminName')}
          autoComplete="off"
          {...form.getInputProps('adminContact.name')}
        />
        <TextInput
          label={t('customers.create.adminEmail')}
          type="email"
          autoComplete="off"
          {...form.getInputProps('adminContact.email')}
        />
        <FormErrorAlert form={form} />
        <Group justify="flex-end" gap="sm">
          {canCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={create.isPending}>
            {t('customers.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
