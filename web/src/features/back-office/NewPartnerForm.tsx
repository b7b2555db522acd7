import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CreatePartnerRequest, Currency } from '../../../../contract/index.ts';
import { useAttemptKey } from '../../api/attempt.ts';
import { placeFieldErrorOr, useContractForm } from '../../forms/contractForm.tsx';
import { useErrorMessage } from '../../i18n/errors.ts';
import { useCreatePartner } from './api.ts';

/** The form's values, shaped as the request so that errors about `admin.email` find their field. */
type Values = {
  name: string;
  country: string;
  currency: Currency;
  discountPercent: number | string;
  creditTerms: boolean;
  admin: { email: string; name: string };
};

const empty: Values = {
  name: '',
  country: 'US',
  currency: 'USD',
  discountPercent: 10,
  creditTerms: false,
  admin: { email: '', name: '' },
};

/** A new partner organisation; its first admin gets an invitation by email. */
export function NewPartnerForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreatePartner();
  const attempt = useAttemptKey();
  const form = useContractForm({
    schema: CreatePartnerRequest,
    initialValues: empty,
    toInput: (values: Values) => ({ ...values, discountPercent: Number(values.discountPercent) }),
    // Other values are another attempt (a new Idempotency-Key).
    onValuesChange: () => attempt.changed(),
  });
  const submit = form.onSubmit((body) =>
    create.mutate(
      { body, idempotencyKey: attempt.key() },
      {
        onSuccess: (partner) => {
          attempt.succeeded();
          notifications.show({
            color: 'teal',
            message: t('backOffice.partnerCreated', { name: partner.name }),
          });
          form.reset();
        },
        onError: (error) =>
          placeFieldErrorOr(form, error, () =>
            notifications.show({ color: 'red', message: errorMessage(error) }),
          ),
      },
    ),
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-partner-heading" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-partner-heading">
            {t('backOffice.newPartner')}
          </Title>
          <Group grow>
            <TextInput label={t('backOffice.partnerName')} {...form.getInputProps('name')} />
            <TextInput label={t('backOffice.country')} {...form.getInputProps('country')} />
            <NativeSelect
              label={t('backOffice.currency')}
              data={[...Currency.options]}
              {...form.getInputProps('currency')}
            />
          </Group>
          <Group grow align="flex-end">
            <NumberInput
              label={t('backOffice.discount')}
              min={0}
              max={60}
              decimalScale={2}
              {...form.getInputProps('discountPercent')}
            />
            <Checkbox
              label={t('backOffice.creditTerms')}
              {...form.getInputProps('creditTerms', { type: 'checkbox' })}
              mb={8}
            />
          </Group>
          <Group grow>
            <TextInput
              label={t('backOffice.adminEmail')}
              type="email"
              {...form.getInputProps('admin.email')}
            />
            <TextInput label={t('backOffice.adminName')} {...form.getInputProps('admin.name')} />
          </Group>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('backOffice.createPartner')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
