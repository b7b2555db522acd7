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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Currency } from '../../../../contract/index.ts';
import { useAttemptKey } from '../../api/attempt.ts';
import { isApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../i18n/errors.ts';
import { useCreatePartner } from './api.ts';

const empty = {
  name: '',
  country: 'US',
  currency: 'USD' as Currency,
  discountPercent: 10,
  creditTerms: false,
  adminEmail: '',
  adminName: '',
};

/** A new partner organisation; its first admin gets an invitation by email. */
export function NewPartnerForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreatePartner();
  const attempt = useAttemptKey();
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof typeof empty>(field: K, value: (typeof empty)[K]) => {
    attempt.changed();
    setValues((v) => ({ ...v, [field]: value }));
  };
  const fieldOf: Record<string, keyof typeof empty> = {
    name: 'name',
    country: 'country',
    'admin.email': 'adminEmail',
    'admin.name': 'adminName',
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-partner-heading" maw={720}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setErrors({});
          create.mutate(
            {
              body: {
                name: values.name,
                country: values.country,
                currency: values.currency,
                discountPercent: values.discountPercent,
                creditTerms: values.creditTerms,
                admin: { email: values.adminEmail, name: values.adminName },
              },
              idempotencyKey: attempt.key(),
            },
            {
              onSuccess: (partner) => {
                attempt.succeeded();
                notifications.show({
                  color: 'teal',
                  message: t('backOffice.partnerCreated', { name: partner.name }),
                });
                setValues(empty);
              },
              onError: (error) => {
                const field = isApiError(error) ? error.field : undefined;
                const key = field ? fieldOf[field] : undefined;
                if (key) setErrors({ [key]: errorMessage(error) });
                else notifications.show({ color: 'red', message: errorMessage(error) });
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-partner-heading">
            {t('backOffice.newPartner')}
          </Title>
          <Group grow>
            <TextInput
              label={t('backOffice.partnerName')}
              value={values.name}
              error={errors.name}
              onChange={(e) => set('name', e.currentTarget.value)}
            />
            <TextInput
              label={t('backOffice.country')}
              value={values.country}
              error={errors.country}
              onChange={(e) => set('country', e.currentTarget.value)}
            />
            <NativeSelect
              label={t('backOffice.currency')}
              data={[...Currency.options]}
              value={values.currency}
              onChange={(e) => set('currency', e.currentTarget.value as Currency)}
            />
          </Group>
          <Group grow align="flex-end">
            <NumberInput
              label={t('backOffice.discount')}
              min={0}
              max={60}
              decimalScale={2}
              value={values.discountPercent}
              onChange={(v) => set('discountPercent', Number(v))}
            />
            <Checkbox
              label={t('backOffice.creditTerms')}
              checked={values.creditTerms}
              onChange={(e) => set('creditTerms', e.currentTarget.checked)}
              mb={8}
            />
          </Group>
          <Group grow>
            <TextInput
              label={t('backOffice.adminEmail')}
              type="email"
              value={values.adminEmail}
              error={errors.adminEmail}
              onChange={(e) => set('adminEmail', e.currentTarget.value)}
            />
            <TextInput
              label={t('backOffice.adminName')}
              value={values.adminName}
              error={errors.adminName}
              onChange={(e) => set('adminName', e.currentTarget.value)}
            />
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
